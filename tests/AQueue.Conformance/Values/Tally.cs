namespace AQueue.Conformance;

/// <summary>
/// A state type with a registered initial value, to show where a model's value starts, and a count the reader-writer
/// suite increments. Reader-writer models of it use the default mapping (<see cref="RwModelMapping.WritePreferring"/>);
/// <see cref="ReadOnlyInterleavingTally"/> is the same value registered with the other mapping, so one cluster runs
/// the suite on both.
/// </summary>
[GenerateSerializer]
public class Tally
{
    public Tally(string origin) => Origin = origin;

    [Id(0)]
    public string Origin { get; }

    [Id(1)]
    public long Count { get; set; }
}
