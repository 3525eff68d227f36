namespace AQueue.Local.Internal.Invokers;

/// <summary>A closure that takes the view and the call's token.</summary>
internal readonly struct ViewTokenInvoker<TView, TResult>(Func<TView, CancellationToken, ValueTask<TResult>> body, TView view) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken) => body(view, cancellationToken);
}
