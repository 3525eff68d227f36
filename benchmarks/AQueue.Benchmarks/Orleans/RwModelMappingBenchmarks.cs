using AQueue.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// Reads and writes of an RwModel on each Orleans mapping, on one TestCluster silo, from TestCluster's client:
/// sequential (<see cref="Callers"/> = 1) and 100 concurrent callers. The default mapping's read is the baseline.
/// </summary>
/// <remarks>The operations do not await, so reads gain nothing from interleaving here: the rows compare the cost of
/// each grain's way in (a reentrant grain with an in-process queue, or Orleans' own <c>[ReadOnly]</c> scheduling).</remarks>
[MemoryDiagnoser]
[ClusterWarmUp]
[BenchmarkCategory("orleans")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class RwModelMappingBenchmarks
{
    private static readonly ReadRwCounter<RwCounter> s_read = new();
    private static readonly AddRwCounter<RwCounter> s_add = new(1);
    private static readonly ReadRwCounter<ReadOnlyRwCounter> s_readOnlyRead = new();
    private static readonly AddRwCounter<ReadOnlyRwCounter> s_readOnlyAdd = new(1);

    private TestCluster? _cluster;
    private IRwModel<RwCounter> _writePreferring = null!;
    private IRwModel<ReadOnlyRwCounter> _readOnly = null!;

    [Params(1, 100)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchCluster.Start();
        var models = _cluster.Client.ServiceProvider.GetRequiredService<IModelProvider>();
        _writePreferring = models.GetRwModel<RwCounter>("bench");
        _readOnly = models.GetRwModel<ReadOnlyRwCounter>("bench");

        // Activate both grains before measuring.
        _writePreferring.CallMutAsync(s_add).AsTask().GetAwaiter().GetResult();
        _readOnly.CallMutAsync(s_readOnlyAdd).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchCluster.Stop(_cluster);
        _cluster = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "read, WritePreferring")]
    public Task WritePreferringRead() => Repeat(() => _writePreferring.CallAsync(s_read));

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "read, ReadOnlyInterleaving")]
    public Task ReadOnlyRead() => Repeat(() => _readOnly.CallAsync(s_readOnlyRead));

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "write, WritePreferring")]
    public Task WritePreferringWrite() => Repeat(() => _writePreferring.CallMutAsync(s_add));

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "write, ReadOnlyInterleaving")]
    public Task ReadOnlyWrite() => Repeat(() => _readOnly.CallMutAsync(s_readOnlyAdd));

    /// <summary>Makes <see cref="OrleansBenchmarks.Calls"/> calls from <see cref="Callers"/> loops, one after another in each.</summary>
    private Task Repeat(Func<ValueTask<long>> call) => OrleansBenchmarks.Concurrently(Callers, async calls =>
    {
        for (int i = 0; i < calls; i++)
        {
            await call();
        }
    });
}
