using AQueue;

namespace ShardedBackend;

/// <summary>
/// The <see cref="IModelProvider"/> of code running on one node: it places each model (the owner node of the key for
/// actors, reader-writer models and per-cluster PCModels; this node for other PCModels) and hands out that node's model
/// behind a wrapper that makes the node <see cref="ShardNode.Current"/> during the call.
/// </summary>
internal sealed class NodeView(ShardedCluster cluster, ShardNode node) : IModelProvider
{
    public IActor<T> GetActor<T>(string key)
    {
        ShardNode owner = cluster.OwnerOf(key);
        return new PlacedActor<T>(owner, owner.Models.GetActor<T>(key));
    }

    public IRwModel<T> GetRwModel<T>(string key)
    {
        // Both reader-writer mappings behave alike here: the owner's in-process model keeps write preference.
        ShardNode owner = cluster.OwnerOf(key);
        return new PlacedRwModel<T>(owner, owner.Models.GetRwModel<T>(key));
    }

    public IPCModel<T> GetPCModel<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ShardNode host = cluster.Registry.GetPCModel<T>().Mapping == PCModelMapping.PerCluster ? cluster.OwnerOf(key) : node;
        return new PlacedPCModel<T>(host, host.Models.GetPCModel<T>(key));
    }
}
