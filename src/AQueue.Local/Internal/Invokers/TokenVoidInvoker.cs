namespace AQueue.Local.Internal.Invokers;

/// <summary>A raw queue's closure that returns nothing.</summary>
internal readonly struct TokenVoidInvoker(Func<CancellationToken, ValueTask> body) : IInvoker<VoidResult>
{
    public ValueTask<VoidResult> Invoke(CancellationToken cancellationToken) => VoidResult.From(body(cancellationToken));
}
