using System.Globalization;
using Orleans.TestingHost;
using Xunit;
using Xunit.Abstractions;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// Issue 12: a seeded storm over three silos. Callers through the client, through silos' providers and from grain code
/// append unique ids to persisted ledgers (actors, both reader-writer mappings), read them, hold PCModel slots (per silo,
/// per cluster), throw, cancel and time out, while silos are killed, stopped and started back and storage writes fail.
/// <see cref="StormVerdict"/> checks the history against the final values. <c>AQUEUE_CHAOS_SEED</c> replays a seed's
/// choices; <c>AQUEUE_STORM_SECONDS</c> makes it a soak of that many seconds (the short storm covers each fault once);
/// <c>AQUEUE_STORM_LOG</c> names a file the progress and the table are appended to as they come.
/// </summary>
[Collection(HonestyCollection.Name)]
public sealed class StormTests(HonestyClusterFixture fixture, ITestOutputHelper output)
{
    public const string SecondsVariable = "AQUEUE_STORM_SECONDS";
    public const string LogVariable = "AQUEUE_STORM_LOG";

    [Fact]
    public async Task Nothing_acknowledged_is_lost_and_no_promise_is_broken_under_a_seeded_storm_of_kills_stops_restarts_and_storage_outages()
    {
        int seed = ChaosSeed.Read();
        TimeSpan? soak = Environment.GetEnvironmentVariable(SecondsVariable) is { Length: > 0 } seconds
            ? TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture))
            : null;
        string? logFile = Environment.GetEnvironmentVariable(LogVariable);
        void Log(string line)
        {
            output.WriteLine(line);
            if (logFile is { Length: > 0 })
            {
                File.AppendAllText(logFile, line + Environment.NewLine);
            }
        }

        Log($"storm seed {seed}, {(soak is { } s ? $"soak of {s.TotalSeconds} s" : "short")}");
        StormVerdict verdict;
        try
        {
            verdict = await new StormRun(fixture, seed, soak, Log).RunAsync();
        }
        finally
        {
            // Three silos again for the other tests of the collection, whichever order they run in.
            TestCluster cluster = fixture.Cluster;
            while (cluster.GetActiveSilos().Count() < HonestyClusterFixture.Silos)
            {
                await cluster.StartAdditionalSiloAsync();
            }
        }

        Log(verdict.Table());
        Assert.True(verdict.Violations.Count == 0, $"seed {seed} ({ChaosSeed.Variable}={seed} replays it): " + string.Join(Environment.NewLine, verdict.Violations));
    }
}
