using AQueue.Conformance;

namespace AQueue.Local.Tests.Conformance;

/// <summary>
/// Runs the reader-writer conformance suite in-process on a type registered
/// <see cref="RwModelMapping.ReadOnlyInterleaving"/>: the mapping names an Orleans grain, and in-process it changes
/// nothing (write preference kept, reads on parallel threads).
/// </summary>
public sealed class LocalReadOnlyInterleavingRwModelConformance : RwModelConformance<ReadOnlyInterleavingTally>
{
    protected override IModelProvider Models { get; } = LocalModels.Create();

    protected override ValueTask<int> CountWaitingCallsAsync(string key) =>
        new(((RwModel<ReadOnlyInterleavingTally>)Models.GetRwModel<ReadOnlyInterleavingTally>(key)).WaitingCount);
}
