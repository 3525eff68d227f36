namespace AQueue.Local.Internal.Invokers;

/// <summary>A contract write operation over a store.</summary>
internal readonly struct WriteOperationInvoker<TState, TResult>(IWriteOperation<TState, TResult> operation, InnerStore<TState> store) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken) => operation.ExecuteAsync(new RefMutInner<TState>(store), cancellationToken);
}
