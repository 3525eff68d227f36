using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The PCModel suite from an external client, with the bound checked across the client and both silos at once.
/// Differences: delegate operations are refused before sending; a cancellation reaches the silo as a message.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansPCModelConformance(ClusterFixture cluster) : PCModelConformance
{
    protected override IModelProvider Models => cluster.ClientModels;

    protected override IReadOnlyList<IModelProvider> Callers => [cluster.ClientModels, .. cluster.SiloModels];

    protected override bool RunsDelegateOperations => false;

    protected override TimeSpan CancellationLatency => ClusterFixture.CancellationLatency;

    protected override bool QueuesCallsInSendOrder => false;
}
