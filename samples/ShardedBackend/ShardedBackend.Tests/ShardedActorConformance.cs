using AQueue;
using AQueue.Conformance;
using AQueue.Local;

namespace ShardedBackend.Tests;

/// <summary>The actor suite, called from node 0: each actor lives on its key's node. No declared difference.</summary>
public sealed class ShardedActorConformance : ActorConformance
{
    private readonly ShardedCluster _cluster = ConformanceCluster.Create();

    protected override IModelProvider Models => _cluster.Nodes[0].View;

    protected override ValueTask<int> CountWaitingCallsAsync(string key) =>
        new(((Actor<long>)_cluster.OwnerOf(key).Models.GetActor<long>(key)).WaitingCount);
}
