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

        return ActivationHop.RunAsync(
            scheduler,
            (State: state, Operation: operation, Chain: chain, Deadline: deadline, Token: cancellationToken),
            static s => s.State.ReadAsync(s.Operation, s.Chain, s.Deadline, s.Token));
    }
}
