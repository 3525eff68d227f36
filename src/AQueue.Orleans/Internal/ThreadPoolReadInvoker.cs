using AQueue.Local.Internal;

namespace AQueue.Orleans.Internal;

/// <summary>A PCModel operation admitted by the grain's <see cref="Local.SemaphoreQueue"/>: runs on the thread pool, so
/// that up to n run in parallel outside the activation's single-threaded scheduler.</summary>
internal readonly struct ThreadPoolReadInvoker<T, TResult>(InnerStore<T> store, IReadOperation<T, TResult> operation, string[] chain, long deadline) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken)
    {
        // A struct's fields cannot be captured: copy them.
        (InnerStore<T> value, IReadOperation<T, TResult> op, string[] inside, long until) = (store, operation, chain, deadline);
        return new ValueTask<TResult>(Task.Run(
            () =>
            {
                // A cancellation processed after the slot was granted but before the hop to the pool: the operation
                // does not start (as in-process, where nothing lies between), and its caller is told "cancelled".
                if (cancellationToken.IsCancellationRequested)
                {
                    return Task.FromCanceled<TResult>(cancellationToken);
                }

                // Nor after its caller's deadline (the queue's timer, or the hop, may take it a little past).
                if (RemoteDeadline.HasPassed(until))
                {
                    return Task.FromException<TResult>(RemoteDeadline.Passed());
                }

                // This task's flow runs inside the model: a call back into it from the operation is refused.
                CallChain.Enter(inside);
                return op.ExecuteAsync(value.AsRef(), cancellationToken).AsTask();
            },
            CancellationToken.None));
    }
}
