using AQueue.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// The write-preferring RwModel adapter against a hand-written grain doing the same work: reentrant, every request
/// through an async reader-writer lock (Nito.AsyncEx's). Reads and writes.
/// </summary>
[MemoryDiagnoser]
[ClusterWarmUp]
[BenchmarkCategory("orleans-same-work")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class RwModelSameWorkBenchmarks : ISingleCalls
{
    private static readonly Add s_add = new(1);
    private static readonly ReadValue s_read = new();

    private TestCluster? _cluster;
    private IRwLockCounterGrain _grain = null!;
    private IRwModel<long> _model = null!;

    [Params(1, 100)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchCluster.Start();
        IClusterClient client = _cluster.Client;
        _grain = client.GetGrain<IRwLockCounterGrain>("bench");
        _model = client.ServiceProvider.GetRequiredService<IModelProvider>().GetRwModel<long>("bench-same-work");

        _grain.Add(0).GetAwaiter().GetResult();
        _model.CallMutAsync(new Add(0)).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchCluster.Stop(_cluster);
        _cluster = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "hand-written reader-writer grain, write")]
    public Task HandWrittenWrite() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _grain.Add(1);
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "IRwModel.CallMutAsync (adapter)")]
    public Task Write() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _model.CallMutAsync(s_add);
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "hand-written reader-writer grain, read")]
    public Task HandWrittenRead() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _grain.Read();
        }
    });

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "IRwModel.CallAsync (adapter)")]
    public Task Read() => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await _model.CallAsync(s_read);
        }
    });

    IReadOnlyList<(string Name, Func<Task> Call)> ISingleCalls.SingleCalls() =>
    [
        ("hand-written reader-writer grain, write", () => _grain.Add(1)),
        ("IRwModel.CallMutAsync (adapter)", () => _model.CallMutAsync(s_add).AsTask()),
        ("hand-written reader-writer grain, read", () => _grain.Read()),
        ("IRwModel.CallAsync (adapter)", () => _model.CallAsync(s_read).AsTask()),
    ];
}
