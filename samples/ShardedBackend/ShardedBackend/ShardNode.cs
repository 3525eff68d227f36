using AQueue;
using AQueue.Local;

namespace ShardedBackend;

/// <summary>One node of a <see cref="ShardedCluster"/>: the models it hosts, and the view code running on it uses.</summary>
public sealed class ShardNode
{
    private static readonly AsyncLocal<ShardNode?> s_current = new();

    internal ShardNode(ShardedCluster cluster, int index, IServiceProvider services)
    {
        Index = index;
        Name = $"node{index}";
        Models = new LocalModelProvider(cluster.Registry, services);
        View = new NodeView(cluster, this);
    }

    /// <summary>
    /// The node whose model runs the current operation: set by the views' models around each call, so it flows into the
    /// operation (into its awaits too, and into a call that waits its turn: a queued call runs in its caller's execution
    /// context). Null outside any model's call. Tests use it to see where an operation ran.
    /// </summary>
    public static ShardNode? Current
    {
        get => s_current.Value;
        private set => s_current.Value = value;
    }

    /// <summary>The node's position in <see cref="ShardedCluster.Nodes"/>.</summary>
    public int Index { get; }

    /// <summary>The node's name: <c>node</c> and its index.</summary>
    public string Name { get; }

    /// <summary>
    /// The models this node hosts, as the in-process backend keeps them, without placement: for inspection (a model's
    /// <c>WaitingCount</c>). Callers go through a node's <see cref="View"/>.
    /// </summary>
    public LocalModelProvider Models { get; }

    /// <summary>The cluster as code running on this node sees it: actors and reader-writer models on their key's node,
    /// PCModels on this node.</summary>
    public IModelProvider View { get; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// Starts <paramref name="call"/> with this node <see cref="Current"/>, then restores the caller's node: the call's
    /// operation keeps this node (it runs in, or captures, the context the call started in), the caller does not.
    /// </summary>
    internal ValueTask<TResult> Start<TResult>(Func<ValueTask<TResult>> call)
    {
        ShardNode? caller = Current;
        Current = this;
        try
        {
            return call();
        }
        finally
        {
            Current = caller;
        }
    }
}
