using AQueue.Local.Internal;

namespace AQueue.Orleans.Internal;

/// <summary>A write admitted by a grain's own <see cref="Local.RwQueue"/>: runs the operation and saves the value on the
/// activation's scheduler, inside the write section, with no delegate built unless it must hop back there.</summary>
internal readonly struct ActivationWriteInvoker<T, TResult>(
    TaskScheduler scheduler, ModelState<T> state, IWriteOperation<T, TResult> operation, string[] chain, long deadline) : IInvoker<TResult>
{
    public ValueTask<TResult> Invoke(CancellationToken cancellationToken)
    {
        // The queue's timer may admit the operation a little after its caller's deadline: it must not start then.
        if (RemoteDeadline.HasPassed(deadline))
        {
            return ValueTask.FromException<TResult>(RemoteDeadline.Passed());
        }

        if (ActivationScheduler.IsCurrent(scheduler))
        {
            return state.WriteAsync(operation, chain, cancellationToken);
        }

        (ModelState<T> s, IWriteOperation<T, TResult> o, string[] c) = (state, operation, chain);
        long d = deadline;
        return ActivationScheduler.Run(scheduler, () => RemoteDeadline.HasPassed(d)
            ? ValueTask.FromException<TResult>(RemoteDeadline.Passed())
            : s.WriteAsync(o, c, cancellationToken));
    }
}
