using AQueue;

namespace ShardedBackend;

/// <summary>A PCModel hosted on <paramref name="node"/>: each call runs there (<see cref="ShardNode.Current"/>) and
/// counts against that node's bound.</summary>
internal sealed class PlacedPCModel<T>(ShardNode node, IPCModel<T> model) : IPCModel<T>
{
    public ModelKind Kind => model.Kind;

    public int MaxConcurrency => model.MaxConcurrency;

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default) =>
        node.Start(() => model.CallAsync(operation, cancellationToken));

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        node.Start(() => model.CallAsync(operation, timeout, cancellationToken));
}
