namespace AQueue.Local.Internal.Invokers;

/// <summary>A closure that takes the view only and returns nothing.</summary>
internal readonly struct ViewVoidInvoker<TView>(Func<TView, ValueTask> body, TView view) : IInvoker<VoidResult>
{
    public ValueTask<VoidResult> Invoke(CancellationToken cancellationToken) => VoidResult.From(body(view));
}
