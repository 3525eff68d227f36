using AQueue.Conformance;

namespace AQueue.Local.Tests.Conformance;

/// <summary>Runs the reader-writer conformance suite in-process: reads may run on parallel threads.</summary>
public sealed class LocalRwModelConformance : RwModelConformance<Tally>
{
    protected override IModelProvider Models { get; } = LocalModels.Create();

    protected override ValueTask<int> CountWaitingCallsAsync(string key) => new(((RwModel<Tally>)Models.GetRwModel<Tally>(key)).WaitingCount);
}
