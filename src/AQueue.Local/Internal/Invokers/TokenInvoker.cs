namespace AQueue.Local.Internal.Invokers;

/// <summary>A raw queue's closure: it takes the call's token only.</summary>
internal readonly struct TokenInvoker<TResult>(Func<CancellationToken, ValueTask<TResult>> body) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken) => body(cancellationToken);
}
