using Orleans.Concurrency;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The hand-written per-cluster bounded grain: one activation, reentrant, two slots.</summary>
[Reentrant]
public sealed class BoundedCounterGrain : Grain, IBoundedCounterGrain
{
    private readonly BoundedCounter _counter = new();

    public Task<long> Add(long amount) => _counter.Add(amount);
}
