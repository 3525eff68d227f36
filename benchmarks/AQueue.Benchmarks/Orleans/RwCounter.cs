namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// The value of the RwModel mapping rows: a counter in memory. Models of it use the default mapping
/// (<see cref="RwModelMapping.WritePreferring"/>); <see cref="ReadOnlyRwCounter"/> is the same value on the other one.
/// </summary>
[GenerateSerializer]
[Alias("aqueue.bench.RwCounter")]
public class RwCounter
{
    /// <summary>The count.</summary>
    [Id(0)]
    public long Value { get; set; }
}
