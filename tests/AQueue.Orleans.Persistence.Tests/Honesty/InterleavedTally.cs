using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The value of the honesty test's reader-writer models on Orleans' <c>[ReadOnly]</c> mapping.</summary>
[GenerateSerializer]
public sealed class InterleavedTally
{
    [Id(0)]
    public long Count { get; set; }
}
