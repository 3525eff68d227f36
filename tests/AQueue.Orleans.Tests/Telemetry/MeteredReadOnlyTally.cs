namespace AQueue.Orleans.Tests;

/// <summary>The reader-writer value of the telemetry tests registered with Orleans' <c>[ReadOnly]</c> mapping.</summary>
[GenerateSerializer]
public sealed class MeteredReadOnlyTally
{
    [Id(0)]
    public long Count { get; set; }
}
