namespace ShardedBackend;

/// <summary>A node made <see cref="ShardNode.Current"/> for one call; disposing it restores the previous one, so the
/// caller's own flow does not keep the node after the call has started.</summary>
internal readonly struct NodeScope(ShardNode? previous) : IDisposable
{
    public void Dispose() => ShardNode.Leave(previous);
}
