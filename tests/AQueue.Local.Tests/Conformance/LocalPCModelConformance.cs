using AQueue.Conformance;

namespace AQueue.Local.Tests.Conformance;

/// <summary>Runs the PCModel conformance suite in-process: one node, one shared FIFO queue.</summary>
public sealed class LocalPCModelConformance : PCModelConformance<PcResource>
{
    protected override IModelProvider Models { get; } = LocalModels.Create();

    protected override ValueTask<int> CountWaitingCallsAsync(string key) => new(((PCModel<PcResource>)Models.GetPCModel<PcResource>(key)).WaitingCount);
}
