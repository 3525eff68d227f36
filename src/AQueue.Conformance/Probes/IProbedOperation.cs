namespace AQueue.Conformance;

/// <summary>An operation that reports to a <see cref="Probe"/> under a label, so a backend's test hooks (an Orleans
/// grain call filter) can record what happens to it before it runs, e.g. "arrived label".</summary>
public interface IProbedOperation
{
    /// <summary>The id of the probe it reports to.</summary>
    string ProbeId { get; }

    /// <summary>Its label in the probe's events.</summary>
    string Label { get; }
}
