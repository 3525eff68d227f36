namespace AQueue.Conformance;

/// <summary>A state type with a registered initial value, to show where a model's value starts.</summary>
[GenerateSerializer]
public sealed class Tally
{
    public Tally(string origin) => Origin = origin;

    [Id(0)]
    public string Origin { get; }

    [Id(1)]
    public long Count { get; set; }
}
