using Orleans.Concurrency;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The hand-written per-silo bounded grain: a stateless worker with one activation per silo, reentrant, two
/// slots.</summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class BoundedCounterWorkerGrain : Grain, IBoundedCounterWorkerGrain
{
    private readonly BoundedCounter _counter = new();

    public Task<long> Add(long amount) => _counter.Add(amount);
}
