using AQueue;

namespace ShardedBackend;

/// <summary>A reader-writer model hosted on <paramref name="node"/>: each call runs there (<see cref="ShardNode.Current"/>).</summary>
internal sealed class PlacedRwModel<T>(ShardNode node, IRwModel<T> model) : IRwModel<T>
{
    public ModelKind Kind => model.Kind;

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default) =>
        node.Start(() => model.CallAsync(operation, cancellationToken));

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        node.Start(() => model.CallAsync(operation, timeout, cancellationToken));

    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default) =>
        node.Start(() => model.CallMutAsync(operation, cancellationToken));

    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        node.Start(() => model.CallMutAsync(operation, timeout, cancellationToken));
}
