using System.Runtime.CompilerServices;
using AQueue.Local.Internal;

namespace AQueue.Orleans.Internal;

/// <summary>A read admitted by a grain's own <see cref="Local.RwQueue"/>: runs the operation on the activation's scheduler,
/// with no delegate built unless it must hop back there.</summary>
internal readonly struct ActivationReadInvoker<T, TResult>(
    TaskScheduler scheduler, ModelState<T> state, IReadOperation<T, TResult> operation, string[] chain, long deadline) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken)
    {
        if (ActivationScheduler.IsCurrent(scheduler))
        {
            // The queue's timer may admit the operation a little after its caller's deadline: the state checks it again.
            return state.ReadAsync(operation, chain, deadline, cancellationToken);
        }

        return ReadOnActivationAsync(scheduler, state, operation, chain, deadline, cancellationToken);
    }

    // Pooled: a call's state machine is reused by later calls, so the hop back costs one task, no closure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> ReadOnActivationAsync(
        TaskScheduler scheduler, ModelState<T> state, IReadOperation<T, TResult> operation, string[] chain, long deadline, CancellationToken cancellationToken)
    {
        // Grain code from here: no ConfigureAwait(false), so the operation's continuations stay on the activation.
        await new ActivationHop(scheduler);
        return await state.ReadAsync(operation, chain, deadline, cancellationToken);
    }
}
