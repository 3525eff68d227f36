namespace AQueue.Local.Internal.Invokers;

/// <summary>A closure that takes the view and the call's token and returns nothing.</summary>
internal readonly struct ViewTokenVoidInvoker<TView>(Func<TView, CancellationToken, ValueTask> body, TView view) : IInvoker<VoidResult>
{
    public ValueTask<VoidResult> Invoke(CancellationToken cancellationToken) => VoidResult.From(body(view, cancellationToken));
}
