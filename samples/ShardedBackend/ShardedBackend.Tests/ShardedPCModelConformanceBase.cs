using AQueue;
using AQueue.Conformance;
using AQueue.Local;

namespace ShardedBackend.Tests;

/// <summary>The PCModel suite, called from every node (<see cref="Callers"/>); the runners below say where the bound holds.</summary>
public abstract class ShardedPCModelConformanceBase<TResource> : PCModelConformance<TResource>
    where TResource : PcResource
{
    private readonly ShardedCluster _cluster = ConformanceCluster.Create();

    protected override IModelProvider Models => _cluster.Nodes[0].View;

    protected override IReadOnlyList<IModelProvider> Callers => [.. _cluster.Nodes.Select(node => node.View)];

    // Calls wait at whichever node's instance they reached: the sum over the nodes.
    protected override ValueTask<int> CountWaitingCallsAsync(string key) =>
        new(_cluster.Nodes.Sum(node => ((PCModel<TResource>)node.Models.GetPCModel<TResource>(key)).WaitingCount));
}
