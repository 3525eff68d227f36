using AQueue.Conformance;

namespace AQueue.Local.Tests.Conformance;

/// <summary>Runs the reader-writer conformance suite in-process: reads may run on parallel threads.</summary>
public sealed class LocalRwModelConformance : RwModelConformance<Tally>
{
    protected override IModelProvider Models { get; } = LocalModels.Create();
}
