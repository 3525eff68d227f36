using AQueue.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using AQueue.Orleans;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// The PCModel adapter against hand-written grains doing the same work (two slots, each addition on the thread pool),
/// per cluster and per silo: where <see cref="OrleansBenchmarks"/> compares every model with a plain grain's
/// <c>Add(long)</c>, these rows compare like with like.
/// </summary>
[MemoryDiagnoser]
[ClusterWarmUp]
[BenchmarkCategory("orleans-same-work")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PCModelSameWorkBenchmarks : ISingleCalls
{
    private static readonly AddShared<SharedCounter> s_addShared = new(1);
    private static readonly AddShared<ClusterSharedCounter> s_addClusterShared = new(1);

    private TestCluster? _cluster;
    private IBoundedCounterGrain _grain = null!;
    private IBoundedCounterWorkerGrain _worker = null!;
    private IPCModel<SharedCounter> _perSilo = null!;
    private IPCModel<ClusterSharedCounter> _perCluster = null!;
    private IPCModelGrain<ClusterSharedCounter> _direct = null!;

    [Params(1, 100)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchCluster.Start();
        IClusterClient client = _cluster.Client;
        var models = client.ServiceProvider.GetRequiredService<IModelProvider>();
        _grain = client.GetGrain<IBoundedCounterGrain>("bench");
        _worker = client.GetGrain<IBoundedCounterWorkerGrain>("bench");
        _perSilo = models.GetPCModel<SharedCounter>("bench");
        _perCluster = models.GetPCModel<ClusterSharedCounter>("bench");
        _direct = client.GetGrain<IPCModelGrain<ClusterSharedCounter>>("bench");

        _grain.Add(0).GetAwaiter().GetResult();
        _worker.Add(0).GetAwaiter().GetResult();
        _perSilo.CallAsync(new AddShared<SharedCounter>(0)).AsTask().GetAwaiter().GetResult();
        _perCluster.CallAsync(new AddShared<ClusterSharedCounter>(0)).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchCluster.Stop(_cluster);
        _cluster = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "hand-written bounded grain, per cluster")]
    public Task HandWritten() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _grain.Add(1);
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "IPCModel.CallAsync, per cluster (adapter)")]
    public Task PerCluster() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _perCluster.CallAsync(s_addClusterShared);
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "hand-written bounded stateless worker, per silo")]
    public Task HandWrittenWorker() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _worker.Add(1);
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "IPCModel.CallAsync, per silo (adapter)")]
    public Task PerSilo() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _perSilo.CallAsync(s_addShared);
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "PCModel grain direct, per cluster (no proxy)")]
    public Task PerClusterDirect() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _direct.CallAsync(s_addClusterShared);
        }
    });

    IReadOnlyList<(string Name, Func<Task> Call)> ISingleCalls.SingleCalls() =>
    [
        ("hand-written bounded grain, per cluster", () => _grain.Add(1)),
        ("IPCModel.CallAsync, per cluster (adapter)", () => _perCluster.CallAsync(s_addClusterShared).AsTask()),
        ("hand-written bounded stateless worker, per silo", () => _worker.Add(1)),
        ("IPCModel.CallAsync, per silo (adapter)", () => _perSilo.CallAsync(s_addShared).AsTask()),
        ("PCModel grain direct, per cluster (no proxy)", () => _direct.CallAsync(s_addClusterShared)),
    ];
}
