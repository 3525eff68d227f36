using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The actor suite from an external client. Differences: delegate operations are refused before sending; a
/// cancellation reaches the silo as a message; a burst of concurrent calls may be delivered out of send order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansActorConformance(ClusterFixture cluster) : ActorConformance
{
    protected override IModelProvider Models => cluster.ClientModels;

    protected override IModelProvider ModelsInsideOperations => cluster.SiloModels[0];

    protected override ValueTask<int> CountWaitingCallsAsync(string key) => new(WaitingCalls.At(key));

    protected override bool RunsDelegateOperations => false;

    protected override bool QueuesCallsInSendOrder => false;
}
