namespace AQueue.Orleans.Tests;

/// <summary>The actor value of the telemetry tests: a type no other test uses, so their recorders see only their calls.</summary>
[GenerateSerializer]
public sealed class MeteredCounter
{
    [Id(0)]
    public long Count { get; set; }
}
