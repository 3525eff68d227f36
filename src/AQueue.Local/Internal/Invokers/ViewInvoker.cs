namespace AQueue.Local.Internal.Invokers;

/// <summary>A closure that takes the view only.</summary>
internal readonly struct ViewInvoker<TView, TResult>(Func<TView, ValueTask<TResult>> body, TView view) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken) => body(view);
}
