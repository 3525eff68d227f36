namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// The PCModel rows' shared value, registered per silo (the default mapping). A PCModel's operations run in parallel,
/// so they see it read-only and change it with <see cref="Interlocked"/>. Marked for codegen because the state type is
/// part of the grain's type name. <see cref="ClusterSharedCounter"/> is the same value registered per cluster (a
/// mapping is chosen per type).
/// </summary>
[GenerateSerializer]
[Alias("aqueue.bench.SharedCounter")]
public class SharedCounter
{
    [Id(0)]
    private long _value;

    /// <summary>Adds <paramref name="amount"/> atomically.</summary>
    /// <param name="amount">What to add.</param>
    /// <returns>The new value.</returns>
    public long Add(long amount) => Interlocked.Add(ref _value, amount);
}
