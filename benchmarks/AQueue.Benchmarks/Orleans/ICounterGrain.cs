namespace AQueue.Benchmarks.Orleans;

/// <summary>The hand-written grain a user would write instead of an AQueue actor: the baseline of the Orleans rows.</summary>
[Alias("aqueue.bench.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> to the counter.</summary>
    /// <param name="amount">What to add.</param>
    /// <returns>The new value.</returns>
    [Alias("Add")]
    Task<long> Add(long amount);
}
