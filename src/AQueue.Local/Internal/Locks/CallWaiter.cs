namespace AQueue.Local.Internal.Locks;

/// <summary>
/// A queued call that runs its own closure once it holds the lock: one object per queued call, which is also
/// what its caller awaits, so a contended call costs one node and no state machine.
/// </summary>
/// <remarks>
/// <para>Two ways to run. A releaser that cannot run it here grants it: it is posted to the thread pool and runs
/// in that work item (<see cref="IThreadPoolWorkItem.Execute"/>). An async caller that releases the lock on a
/// pool thread instead takes it (<see cref="Waiter.MarkTaken"/>: the lock never changes hands) and runs it on
/// its own thread, then the next one, in a batch (<see cref="RunBatch"/>). That is combining: the critical
/// section runs back to back at single-thread speed instead of paying a thread-pool hop per call.</para>
/// <para>The rules a batch keeps: every closure runs in its own caller's execution context (so its
/// <see cref="AsyncLocal{T}"/>s and re-entrancy frame are its caller's), in queue order; a caller's continuation
/// is queued to the pool, never run on the combining thread's stack; a closure that goes async ends the batch
/// (it keeps the lock until it returns); a batch runs at most <see cref="BatchLimit"/> closures, then hands the
/// lock on as a grant, so the combining caller is not held up for long; sync callers and <c>Cancel()</c>
/// never combine.</para>
/// </remarks>
internal abstract class CallWaiter : Waiter, IThreadPoolWorkItem
{
    /// <summary>The most closures one batch runs, counting the first.</summary>
    public const int BatchLimit = 16;

    /// <summary>Takes the waiter for the releasing caller, which now holds the lock for it. Caller holds the lock's monitor.</summary>
    public void Take() => MarkTaken();

    /// <summary>Runs a taken waiter on the thread pool (global queue): for a releaser that may not run it itself.</summary>
    public void Post() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    protected override void OnGranted() => Post();

    void IThreadPoolWorkItem.Execute() => RunBatch(this, firstOwnsThread: true);

    /// <summary>
    /// Runs the closure (the lock is held for it), then passes the lock on and completes the caller.
    /// Touches nothing of its own once the caller is completed: the caller may recycle it at once.
    /// </summary>
    /// <param name="takeNext">Whether the lock may pass straight to the next queued call, returned to run here.</param>
    /// <param name="threadContext">Non-null when the caller's continuation may run inline on this thread once
    /// the lock is released to nobody here: the thread's own context, restored first.</param>
    /// <returns>The next call, which now holds the lock; null when the lock was released or handed on as a
    /// grant, or when the closure went async (it then releases the lock when it returns).</returns>
    protected abstract CallWaiter? RunAndPassOn(bool takeNext, ExecutionContext? threadContext);

    /// <summary>
    /// Runs <paramref name="first"/>, which holds the lock, and then the calls the lock passes to, up to
    /// <see cref="BatchLimit"/>, on this thread. Off the thread pool, or with flow suppressed, it posts
    /// <paramref name="first"/> instead (or, in <paramref name="first"/>'s own work item, runs it alone).
    /// </summary>
    /// <param name="first">The call that holds the lock.</param>
    /// <param name="firstOwnsThread">True in <paramref name="first"/>'s own work item: its caller's continuation
    /// may then run inline when nobody else follows in the batch.</param>
    public static void RunBatch(CallWaiter first, bool firstOwnsThread)
    {
        ExecutionContext? threadContext = ExecutionContext.Capture();
        if (threadContext is null || !Thread.CurrentThread.IsThreadPoolThread)
        {
            if (firstOwnsThread)
            {
                // Its own work item, with flow suppressed somehow: run it, but nothing else, and resume nobody here.
                first.RunAndPassOn(takeNext: false, threadContext: null);
            }
            else
            {
                first.Post();
            }

            return;
        }

        CallWaiter? call = first.RunAndPassOn(takeNext: BatchLimit > 1, firstOwnsThread ? threadContext : null);
        for (int ran = 2; call is not null; ran++)
        {
            call = call.RunAndPassOn(takeNext: ran < BatchLimit, threadContext: null);
        }

        ExecutionContext.Restore(threadContext);
    }
}
