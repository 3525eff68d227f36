namespace AQueue.Orleans.Internal;

/// <summary>
/// Where an operation runs: on its activation's scheduler. A request admitted by a grain's own queue at once runs inline
/// (already there); one that waited is resumed by the queue on the thread pool and hops back (<see cref="ActivationHop"/>),
/// so that operations keep Orleans' single-threaded execution and grain context (grain calls, timers, storage) like any
/// grain code.
/// </summary>
internal static class ActivationScheduler
{
    /// <summary>Whether the current code runs on <paramref name="scheduler"/>.</summary>
    public static bool IsCurrent(TaskScheduler scheduler) => ReferenceEquals(TaskScheduler.Current, scheduler);
}
