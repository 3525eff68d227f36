using AQueue;

namespace ShardedBackend;

/// <summary>An actor hosted on <paramref name="node"/>: each call runs there (<see cref="ShardNode.Current"/>).</summary>
internal sealed class PlacedActor<T>(ShardNode node, IActor<T> model) : IActor<T>
{
    public ModelKind Kind => model.Kind;

    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default) =>
        node.Start(() => model.InnerCallAsync(operation, cancellationToken));

    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        node.Start(() => model.InnerCallAsync(operation, timeout, cancellationToken));
}
