using System.Runtime.CompilerServices;
using AQueue.Local.Internal;

namespace AQueue.Orleans.Internal;

/// <summary>A PCModel operation admitted by the grain's <see cref="Local.SemaphoreQueue"/>: runs on the thread pool, so
/// that up to n run in parallel outside the activation's single-threaded scheduler.</summary>
internal readonly struct ThreadPoolReadInvoker<T, TResult>(InnerStore<T> store, IReadOperation<T, TResult> operation, string[] chain, long deadline, CallChainEntry entry) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken) => RunOnPoolAsync(store, operation, chain, deadline, entry, cancellationToken);

    // Pooled: a call's state machine is reused by later calls, so the hop costs no allocation in steady state.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> RunOnPoolAsync(
        InnerStore<T> store, IReadOperation<T, TResult> operation, string[] chain, long deadline, CallChainEntry entry, CancellationToken cancellationToken)
    {
        await new ThreadPoolHop();

        // A cancellation processed after the slot was granted but before the hop to the pool: the operation does not
        // start (as in-process, where nothing lies between), and its caller is told "cancelled". Nor after its caller's
        // deadline (the queue's timer, or the hop, may take it a little past).
        cancellationToken.ThrowIfCancellationRequested();
        if (RemoteDeadline.HasPassed(deadline))
        {
            throw RemoteDeadline.Passed();
        }

        // This flow runs inside the model: a call back into it from the operation is refused.
        entry.Enter(chain);

        return await operation.ExecuteAsync(store.AsRef(), cancellationToken).ConfigureAwait(false);
    }
}
