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
    /// <summary>Creates a tally at 0 that says where it came from.</summary>
    public Tally(string origin) => Origin = origin;

    /// <summary>Who made the value: the registry's initial value for a key says so.</summary>
    [Id(0)]
    public string Origin { get; }

    /// <summary>The count the suite's writes increment.</summary>
    [Id(1)]
    public long Count { get; set; }
}
