using AQueue;
using AQueue.Conformance;
using AQueue.Local;

namespace ShardedBackend.Tests;

/// <summary>The reader-writer suite, called from node 0: each model lives on its key's node, an in-process model there
/// (write preference, reads on parallel threads). No declared difference.</summary>
public sealed class ShardedRwModelConformance : RwModelConformance<Tally>
{
    private readonly ShardedCluster _cluster = ConformanceCluster.Create();

    protected override IModelProvider Models => _cluster.Nodes[0].View;

    protected override ValueTask<int> CountWaitingCallsAsync(string key) =>
        new(((RwModel<Tally>)_cluster.OwnerOf(key).Models.GetRwModel<Tally>(key)).WaitingCount);
}
