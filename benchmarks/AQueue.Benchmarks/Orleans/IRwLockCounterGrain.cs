namespace AQueue.Benchmarks.Orleans;

/// <summary>A hand-written grain doing a write-preferring RwModel's work: reentrant, with an async reader-writer lock.</summary>
[Alias("aqueue.bench.IRwLockCounterGrain")]
public interface IRwLockCounterGrain : IGrainWithStringKey
{
    /// <summary>Reads the value under the read lock.</summary>
    /// <returns>The value.</returns>
    [Alias("Read")]
    Task<long> Read();

    /// <summary>Adds <paramref name="amount"/> under the write lock.</summary>
    /// <param name="amount">What to add.</param>
    /// <returns>The new value.</returns>
    [Alias("Add")]
    Task<long> Add(long amount);
}
