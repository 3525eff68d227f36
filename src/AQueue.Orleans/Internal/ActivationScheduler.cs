namespace AQueue.Orleans.Internal;

/// <summary>
/// Runs an operation on its activation's scheduler. A request admitted by a grain's own queue at once runs inline
/// (already there); one that waited is resumed by the queue on the thread pool and must hop back, so that operations
/// keep Orleans' single-threaded execution and grain context (grain calls, timers, storage) like any grain code.
/// </summary>
internal static class ActivationScheduler
{
    /// <summary>Whether the current code runs on <paramref name="scheduler"/>.</summary>
    public static bool IsCurrent(TaskScheduler scheduler) => ReferenceEquals(TaskScheduler.Current, scheduler);

    /// <summary>Runs <paramref name="body"/> on <paramref name="scheduler"/> (from elsewhere).</summary>
    public static ValueTask<TResult> Run<TResult>(TaskScheduler scheduler, Func<ValueTask<TResult>> body) =>
        new(Task.Factory.StartNew(
            static b => ((Func<ValueTask<TResult>>)b!)().AsTask(),
            body,
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            scheduler).Unwrap());
}
