using AQueue.Local.Internal;

namespace AQueue.Orleans.Internal;

/// <summary>A write admitted by a grain's own <see cref="Local.RwQueue"/>: runs the operation and saves the value on the
/// activation's scheduler, inside the write section, with no delegate built unless it must hop back there.</summary>
internal readonly struct ActivationWriteInvoker<T, TResult>(
    TaskScheduler scheduler, ModelState<T> state, IWriteOperation<T, TResult> operation, string[] chain, long deadline) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken)
    {
        if (ActivationScheduler.IsCurrent(scheduler))
        {
            // The queue's timer may admit the operation a little after its caller's deadline: the state checks it again.
            return state.WriteAsync(operation, chain, deadline, cancellationToken);
        }

        return ActivationHop.RunAsync(
            scheduler,
            (State: state, Operation: operation, Chain: chain, Deadline: deadline, Token: cancellationToken),
            static s => s.State.WriteAsync(s.Operation, s.Chain, s.Deadline, s.Token));
    }
}
