namespace AQueue.Benchmarks.Orleans;

/// <summary>A hand-written grain doing a PCModel's work: at most two additions at once, each on the thread pool.</summary>
[Alias("aqueue.bench.IBoundedCounterGrain")]
public interface IBoundedCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> once one of the two slots is free.</summary>
    /// <param name="amount">What to add.</param>
    /// <returns>The new value.</returns>
    [Alias("Add")]
    Task<long> Add(long amount);
}
