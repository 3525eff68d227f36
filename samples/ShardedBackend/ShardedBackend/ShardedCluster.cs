using AQueue;

namespace ShardedBackend;

/// <summary>
/// An in-process cluster of nodes that places models as AQueue's Orleans backend does: each node hosts its own
/// in-process models (<see cref="AQueue.Local.LocalModelProvider"/>); an actor or reader-writer model lives on the one
/// node its key hashes to, so every caller reaches the same model; a PCModel has an instance on each node, so its bound
/// holds per node (unless registered <see cref="PCModelMapping.PerCluster"/>, then it lives on its key's node).
/// </summary>
/// <remarks>Code "running on" node i reaches models through that node's <see cref="ShardNode.View"/>.</remarks>
public sealed class ShardedCluster
{
    private readonly ShardNode[] _nodes;

    /// <summary>Creates a cluster of <paramref name="nodeCount"/> nodes, all configured with one registry.</summary>
    /// <param name="registry">Initial values and PCModel factories, as every node of a real cluster registers them.</param>
    /// <param name="nodeCount">How many nodes, at least 1.</param>
    /// <param name="services">The services PCModel factories receive; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is less than 1.</exception>
    public ShardedCluster(ModelRegistry registry, int nodeCount, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        Registry = registry;
        _nodes = [.. Enumerable.Range(0, nodeCount).Select(i => new ShardNode(this, i, services ?? NoServices.Instance))];
    }

    /// <summary>The nodes, by index.</summary>
    public IReadOnlyList<ShardNode> Nodes => _nodes;

    /// <summary>The registry every node uses.</summary>
    public ModelRegistry Registry { get; }

    /// <summary>The node that hosts the actor and the reader-writer model of <paramref name="key"/>.</summary>
    /// <param name="key">The model's key.</param>
    /// <returns>The same node for the same key, in this process and any other with as many nodes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public ShardNode OwnerOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _nodes[Fnv1a(key) % (uint)_nodes.Length];
    }

    // 32-bit FNV-1a over the key's UTF-16 code units: stable across processes and runtimes, unlike string.GetHashCode,
    // which .NET randomizes per process.
    private static uint Fnv1a(string key)
    {
        uint hash = 2166136261;
        foreach (char c in key)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
