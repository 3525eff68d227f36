namespace AQueue.Orleans.Tests;

/// <summary>The write-preferring reader-writer value of the telemetry tests.</summary>
[GenerateSerializer]
public sealed class MeteredTally
{
    [Id(0)]
    public long Count { get; set; }
}
