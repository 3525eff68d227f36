using AQueue.Conformance;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The PCModel suite from an external client, with the bound checked across the client and both silos at once; one
/// runner per mapping derives from it. Differences every mapping shares: delegate operations are refused before
/// sending; a cancellation reaches the silo as a message; a burst may be delivered out of send order.
/// </summary>
/// <typeparam name="TResource">The value type, registered with the mapping under test.</typeparam>
public abstract class OrleansPCModelConformanceBase<TResource>(ClusterFixture cluster) : PCModelConformance<TResource>
    where TResource : PcResource
{
    protected override IModelProvider Models => cluster.ClientModels;

    protected override IModelProvider ModelsInsideOperations => cluster.SiloModels[0];

    protected override ValueTask<int> CountWaitingCallsAsync(string key) => new(WaitingCalls.At(key));

    protected override IReadOnlyList<IModelProvider> Callers => [cluster.ClientModels, .. cluster.SiloModels];

    protected override bool RunsDelegateOperations => false;

    protected override bool QueuesCallsInSendOrder => false;
}
