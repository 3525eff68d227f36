namespace AQueue.Local.Internal;

/// <summary>A closure or operation bound to the view it will receive. Structs, so the runner allocates nothing.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal interface IInvoker<TResult>
{
    ValueTask<TResult> Invoke(CancellationToken cancellationToken);
}
