namespace AQueue.Benchmarks.Orleans;

/// <summary><see cref="IBoundedCounterGrain"/> as a stateless worker with one activation per silo (the per-silo
/// PCModel's shape).</summary>
[Alias("aqueue.bench.IBoundedCounterWorkerGrain")]
public interface IBoundedCounterWorkerGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> once one of the two slots is free.</summary>
    /// <param name="amount">What to add.</param>
    /// <returns>The new value.</returns>
    [Alias("Add")]
    Task<long> Add(long amount);
}
