using AQueue.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// A call through the AQueue adapter against a hand-written grain doing the same work (add one to a
/// <see cref="long"/> kept in memory), on one TestCluster silo, from TestCluster's client: sequential
/// (<see cref="Callers"/> = 1) and 100 concurrent callers. The hand-written grain is the baseline, so the Ratio
/// column is the adapter's overhead.
/// </summary>
/// <remarks>
/// A cluster call costs microseconds, not nanoseconds: an invocation makes <see cref="Calls"/> calls, not the
/// in-process classes' 100,000. The cluster starts once per process (BenchmarkDotNet runs each row in its own).
/// </remarks>
[MemoryDiagnoser]
[ClusterWarmUp]
[BenchmarkCategory("orleans")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OrleansBenchmarks : ISingleCalls
{
    /// <summary>Calls per invocation, split evenly over the callers.</summary>
    public const int Calls = 1_000;

    private static readonly Add s_add = new(1);
    private static readonly AddShared<SharedCounter> s_addShared = new(1);
    private static readonly AddShared<ClusterSharedCounter> s_addClusterShared = new(1);

    private TestCluster? _cluster;
    private ICounterGrain _grain = null!;
    private IActor<long> _actor = null!;
    private IRwModel<long> _rwModel = null!;
    private IPCModel<SharedCounter> _pcModel = null!;
    private IPCModel<ClusterSharedCounter> _clusterPcModel = null!;

    [Params(1, 100)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchCluster.Start();
        IClusterClient client = _cluster.Client;
        var models = client.ServiceProvider.GetRequiredService<IModelProvider>();
        _grain = client.GetGrain<ICounterGrain>("bench");
        _actor = models.GetActor<long>("bench");
        _rwModel = models.GetRwModel<long>("bench");
        _pcModel = models.GetPCModel<SharedCounter>("bench");
        _clusterPcModel = models.GetPCModel<ClusterSharedCounter>("bench");

        // Activate every grain before measuring.
        _grain.Add(0).GetAwaiter().GetResult();
        _actor.InnerCallAsync(new Add(0)).AsTask().GetAwaiter().GetResult();
        _rwModel.CallMutAsync(new Add(0)).AsTask().GetAwaiter().GetResult();
        _pcModel.CallAsync(new AddShared<SharedCounter>(0)).AsTask().GetAwaiter().GetResult();
        _clusterPcModel.CallAsync(new AddShared<ClusterSharedCounter>(0)).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchCluster.Stop(_cluster);
        _cluster = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "hand-written grain Add(long)")]
    public Task HandWritten() => Concurrently(Callers, HandWrittenLoop);

    [Benchmark(OperationsPerInvoke = Calls, Description = "IActor.InnerCallAsync (adapter)")]
    public Task Actor() => Concurrently(Callers, ActorLoop);

    [Benchmark(OperationsPerInvoke = Calls, Description = "IRwModel.CallMutAsync (adapter)")]
    public Task RwModelWrite() => Concurrently(Callers, RwModelLoop);

    [Benchmark(OperationsPerInvoke = Calls, Description = "IPCModel.CallAsync, 2 permits, per silo (adapter)")]
    public Task PCModel() => Concurrently(Callers, PCModelLoop);

    [Benchmark(OperationsPerInvoke = Calls, Description = "IPCModel.CallAsync, 2 permits, per cluster (adapter)")]
    public Task PCModelPerCluster() => Concurrently(Callers, ClusterPCModelLoop);

    /// <summary>
    /// Starts <paramref name="callers"/> loops at once, each making its share of <see cref="Calls"/> calls. The loops
    /// are not moved to the thread pool: each yields at its first cluster call, so they overlap anyway.
    /// </summary>
    internal static Task Concurrently(int callers, Func<int, Task> loop)
    {
        if (callers == 1)
        {
            return loop(Calls);
        }

        var running = new Task[callers];
        int share = Calls / callers;
        for (int i = 0; i < running.Length; i++)
        {
            running[i] = loop(share);
        }

        return Task.WhenAll(running);
    }

    private async Task HandWrittenLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _grain.Add(1);
        }
    }

    private async Task ActorLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _actor.InnerCallAsync(s_add);
        }
    }

    private async Task RwModelLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _rwModel.CallMutAsync(s_add);
        }
    }

    private async Task PCModelLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _pcModel.CallAsync(s_addShared);
        }
    }

    private async Task ClusterPCModelLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _clusterPcModel.CallAsync(s_addClusterShared);
        }
    }

    IReadOnlyList<(string Name, Func<Task> Call)> ISingleCalls.SingleCalls() =>
    [
        ("hand-written grain Add(long)", () => _grain.Add(1)),
        ("IActor.InnerCallAsync (adapter)", () => _actor.InnerCallAsync(s_add).AsTask()),
        ("IRwModel.CallMutAsync (adapter)", () => _rwModel.CallMutAsync(s_add).AsTask()),
        ("IPCModel.CallAsync, 2 permits, per silo (adapter)", () => _pcModel.CallAsync(s_addShared).AsTask()),
        ("IPCModel.CallAsync, 2 permits, per cluster (adapter)", () => _clusterPcModel.CallAsync(s_addClusterShared).AsTask()),
    ];
}
