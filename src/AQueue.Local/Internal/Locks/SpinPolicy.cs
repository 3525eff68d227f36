namespace AQueue.Local.Internal.Locks;

/// <summary>How long callers spin before they wait for real.</summary>
internal static class SpinPolicy
{
    /// <summary>
    /// How many times a blocking caller spins (<see cref="SpinWait.SpinOnce(int)"/>) before it sleeps on the
    /// lock: long enough to catch a lock released within a few microseconds, short enough never to burn a core.
    /// </summary>
    public const int Iterations = 10;

    /// <summary>
    /// How many times a queued async call checks whether a combining holder has already run it, before its
    /// caller awaits it: 20 checks of <see cref="QueuedCallSpin"/>, about 4 microseconds on the 2-core
    /// benchmark machine (measured), at most once per queued call. Found done, the caller resumes at once
    /// instead of through the thread pool: in the 4-task headline loop that doubled the rate. Only exclusive
    /// calls, and permits fewer than the cores, spin (<c>ILockMode.SpinsWhenQueued</c>): a queued read is granted,
    /// not combined, and with every core holding a permit a spinner only steals the holders' time. Both were
    /// measured: spinning reads made the read-heavy mix 5 to 25 times slower in some passes (docs/benchmarks.md).
    /// </summary>
    public const int QueuedCallChecks = 20;

    /// <summary>The <see cref="Thread.SpinWait(int)"/> between two checks of a queued call (about 200 ns measured).</summary>
    public const int QueuedCallSpin = 8;

    /// <summary>Spinning on one core only delays the thread that would finish the work.</summary>
    public static readonly bool IsMultiCore = Environment.ProcessorCount > 1;
}
