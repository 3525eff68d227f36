namespace AQueue.Local.Internal.Invokers;

/// <summary>A contract read operation over a store.</summary>
internal readonly struct ReadOperationInvoker<TState, TResult>(IReadOperation<TState, TResult> operation, InnerStore<TState> store) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken) => operation.ExecuteAsync(new RefInner<TState>(store), cancellationToken);
}
