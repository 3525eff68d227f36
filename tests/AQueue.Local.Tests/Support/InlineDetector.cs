namespace AQueue.Local.Tests.Support;

/// <summary>
/// Marks a stretch of one thread's stack (a release, a <see cref="CancellationTokenSource.Cancel()"/>), so that
/// a closure can tell whether it was started inline inside it.
/// </summary>
public static class InlineDetector
{
    [ThreadStatic]
    private static string? t_inside;

    /// <summary>The stretch this thread is inside right now, or null.</summary>
    public static string? Inside => t_inside;

    /// <summary>
    /// Runs <paramref name="action"/> on a thread-pool thread marked as inside <paramref name="name"/>. The pool
    /// thread has no synchronization context (the test runner's would make the runtime post every
    /// continuation instead of running it inline), so anything allowed to run inline there does.
    /// </summary>
    public static Task RunAsync(string name, Action action) => Task.Run(() => Run(name, action));

    private static void Run(string name, Action action)
    {
        string? previous = t_inside;
        t_inside = name;
        try
        {
            action();
        }
        finally
        {
            t_inside = previous;
        }
    }
}
