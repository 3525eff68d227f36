using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;
using Xunit.Abstractions;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// A silo dies under a steady load of acknowledged writes to persisted actors: nothing acknowledged is lost, calls
/// resume on the surviving silo, and the failed calls fail fast with exceptions a caller can retry.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SiloDeathTests(FaultClusterFixture fixture, ITestOutputHelper output)
{
    private const int Keys = 24;
    private const int Workers = 8;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(40);

    /// <summary>What a caller may see when the silo of its call dies; each says "retry".</summary>
    private static readonly HashSet<string> s_retryable =
    [
        nameof(SiloUnavailableException),
        nameof(OrleansMessageRejectionException),
        nameof(TimeoutException),
        "ConnectionFailedException",
        nameof(ModelStorageException),
    ];

    [Fact]
    public async Task Acknowledged_writes_survive_the_death_of_the_silo_that_hosts_them()
    {
        TestCluster cluster = fixture.Cluster;
        string run = Guid.NewGuid().ToString("N")[..8];
        string[] keys = [.. Enumerable.Range(0, Keys).Select(i => $"f/{run}/{i}")];

        // Activate each model from one silo or the other: Orleans' default placement prefers the calling silo when
        // loads are alike, so both silos host some.
        for (int i = 0; i < Keys; i++)
        {
            await fixture.SiloModels(i % 2).GetActor<long>(keys[i]).InnerCallAsync(new Get());
        }

        // The primary hosts TestCluster's membership table: kill the other one.
        SiloHandle victim = cluster.SecondarySilos[0];
        var onVictim = new List<int>();
        for (int i = 0; i < Keys; i++)
        {
            if (await fixture.Models.GetActor<long>(keys[i]).InnerCallAsync(new WhereAmI()) == victim.SiloAddress.ToString())
            {
                onVictim.Add(i);
            }
        }

        output.WriteLine($"{onVictim.Count} of {Keys} actors live on the silo that will be killed ({victim.SiloAddress}); the primary is {cluster.Primary!.SiloAddress}.");
        Assert.InRange(onVictim.Count, 1, Keys - 1);

        var acknowledged = new long[Keys];
        var failed = new long[Keys];
        var acknowledgedAfterKill = new long[Keys];
        var errors = new ConcurrentDictionary<string, int>();
        long slowestFailureTicks = 0;
        int killed = 0;
        using var stop = new CancellationTokenSource();

        async Task WorkerAsync(int worker)
        {
            for (int n = 0; !stop.IsCancellationRequested; n++)
            {
                int k = (worker + n * Workers) % Keys;
                bool afterKill = Volatile.Read(ref killed) == 1;
                long started = Stopwatch.GetTimestamp();
                try
                {
                    await fixture.Models.GetActor<long>(keys[k]).InnerCallAsync(new Add(1));
                    Interlocked.Increment(ref acknowledged[k]);
                    if (afterKill)
                    {
                        Interlocked.Increment(ref acknowledgedAfterKill[k]);
                    }
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref failed[k]);
                    errors.AddOrUpdate(exception.GetType().Name, 1, (_, c) => c + 1);
                    long elapsed = Stopwatch.GetTimestamp() - started;
                    InterlockedMax(ref slowestFailureTicks, elapsed);
                }
            }
        }

        Task[] load = [.. Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkerAsync(w)))];
        await Task.Delay(LoadBeforeKill);
        long[] acknowledgedBeforeKill = [.. acknowledged.Select(a => Interlocked.Read(ref a))];

        var clock = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        Volatile.Write(ref killed, 1);

        // Keep the load on until every model, including those of the dead silo, has acknowledged writes again.
        while (acknowledgedAfterKill.Any(a => Interlocked.Read(ref a) == 0) && clock.Elapsed < RecoveryDeadline)
        {
            await Task.Delay(100);
        }

        TimeSpan recovered = clock.Elapsed;
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var found = new long[Keys];
        for (int k = 0; k < Keys; k++)
        {
            found[k] = await fixture.Models.GetActor<long>(keys[k]).InnerCallAsync(new Get());
        }

        long totalAcknowledged = acknowledged.Sum(), totalFailed = failed.Sum(), totalFound = found.Sum();
        output.WriteLine($"acknowledged {totalAcknowledged} (before the kill {acknowledgedBeforeKill.Sum()}), failed {totalFailed}, found after {totalFound}: " +
                         $"{totalFound - totalAcknowledged} of the {totalFailed} failed writes had applied");
        output.WriteLine($"every model acknowledged writes again {recovered.TotalSeconds:F1} s after the kill; slowest failed call {TimeSpan.FromTicks(slowestFailureTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalSeconds:F2} s");
        output.WriteLine("failures by type: " + string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}")));
        output.WriteLine("per model on the dead silo (acknowledged/failed/found): " +
                         string.Join(" ", onVictim.Select(k => $"{acknowledged[k]}/{failed[k]}/{found[k]}")));

        Assert.True(acknowledgedAfterKill.All(a => a > 0), $"Some models never answered again within {RecoveryDeadline}.");
        for (int k = 0; k < Keys; k++)
        {
            Assert.True(found[k] >= acknowledged[k], $"Model {keys[k]} lost acknowledged writes: acknowledged {acknowledged[k]}, found {found[k]}.");
            Assert.True(found[k] <= acknowledged[k] + failed[k], $"Model {keys[k]} holds more than was sent: acknowledged {acknowledged[k]}, failed {failed[k]}, found {found[k]}.");
        }

        Assert.True(onVictim.Sum(k => failed[k]) > 0, "The kill should have failed some calls to the dead silo's models.");
        Assert.All(errors.Keys, type => Assert.Contains(type, s_retryable));
        Assert.True(
            TimeSpan.FromTicks(slowestFailureTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency) < FaultSiloConfigurator.ResponseTimeout + TimeSpan.FromSeconds(5),
            "A failed call hung well past the response timeout.");

        // The dead silo's models now live on the survivor.
        foreach (int k in onVictim)
        {
            Assert.Equal(cluster.Primary.SiloAddress.ToString(), await fixture.Models.GetActor<long>(keys[k]).InnerCallAsync(new WhereAmI()));
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current = Interlocked.Read(ref target);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
