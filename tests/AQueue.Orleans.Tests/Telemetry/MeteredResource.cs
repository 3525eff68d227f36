namespace AQueue.Orleans.Tests;

/// <summary>The PCModel value of the telemetry tests (per silo, one slot). Never sent; serializable so Orleans' type
/// filter knows it.</summary>
[GenerateSerializer]
public sealed class MeteredResource
{
    [Id(0)]
    public long Count { get; set; }
}
