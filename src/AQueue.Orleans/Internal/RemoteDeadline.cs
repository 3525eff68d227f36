namespace AQueue.Orleans.Internal;

/// <summary>
/// A timed call's deadline, carried to the silo in Orleans' request context, so the silo refuses to start an operation
/// after the moment its caller is told <see cref="TimeoutException"/>: even when the request was queued, forwarded to a
/// new activation during a graceful stop, or reached the silo after the deadline. Only timed calls carry it.
/// </summary>
/// <remarks>The deadline is a UTC wall-clock instant: the guarantee holds as far as the caller's and the silo's clocks
/// agree (the same machine, or clocks kept in step by NTP: a skew of s lets an operation start up to s after its caller
/// was told).</remarks>
internal static class RemoteDeadline
{
    /// <summary>The request context key of the deadline.</summary>
    public const string Key = "aqueue-deadline";

    /// <summary>The deadline of a call made now with <paramref name="timeout"/>, in UTC ticks.</summary>
    public static long From(TimeSpan timeout) => DateTime.UtcNow.Ticks + timeout.Ticks;

    /// <summary>
    /// On the silo, as a request arrives: its caller's deadline (UTC ticks), or null for an untimed call. The deadline is
    /// removed from the request context, so the calls an operation makes do not inherit it.
    /// </summary>
    public static long? Take() => RequestContextEntry.Take(Key) is long deadline ? deadline : null;

    /// <summary>Whether <paramref name="deadline"/> (UTC ticks; 0 for none) has passed: an operation must not start.</summary>
    public static bool HasPassed(long deadline) => deadline != 0 && DateTime.UtcNow.Ticks >= deadline;

    /// <summary>
    /// The time left before <paramref name="deadline"/>, for a grain's own queue to wait at most that long and for a
    /// running operation's token: rounded up as <see cref="AnswerAfter"/> rounds, since a timer counts whole milliseconds
    /// (<see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> drops the fraction). Zero once it has passed. The
    /// timer may still fire up to a tick of its coarse clock early (<see cref="TimerEarlyTicks"/>: the caller takes such an
    /// answer for its deadline) or late (the operation checks <see cref="HasPassed"/> again as it starts).
    /// </summary>
    public static TimeSpan Left(long deadline)
    {
        long left = deadline - DateTime.UtcNow.Ticks;
        return left <= 0 ? TimeSpan.Zero : AnswerAfter(TimeSpan.FromTicks(left));
    }

    /// <summary>
    /// On the silo, for an operation about to start: a token source that cancels the operation's token at
    /// <paramref name="deadline"/> (and with the caller's token).
    /// </summary>
    /// <exception cref="TimeoutException">The deadline has passed: the operation must not start.</exception>
    public static CancellationTokenSource Start(long deadline, CancellationToken cancellationToken)
    {
        TimeSpan left = Left(deadline);
        if (left == TimeSpan.Zero)
        {
            throw Passed();
        }

        CancellationTokenSource source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(left);
        return source;
    }

    /// <summary>
    /// How early a timer may fire: .NET's timers count a coarse clock (on Linux CLOCK_MONOTONIC_COARSE, 1 to 10 ms a tick,
    /// 4 ms on the machine the storm ran on; on Windows the interrupt time, 15.6 ms a tick), so a timer set for d may
    /// fire up to one tick before d, on the silo as on the caller.
    /// </summary>
    public static readonly long TimerEarlyTicks = 16 * TimeSpan.TicksPerMillisecond;

    /// <summary>
    /// On the caller, for a failure that arrived instead of its timer: whether it is the silo's answer for the deadline
    /// (a refusal to start, <see cref="TimeoutException"/>, or an operation ended on its deadline-cancelled token,
    /// <see cref="OperationCanceledException"/>) rather than the operation's own failure or the caller's cancellation.
    /// Such an answer comes at the deadline, or up to a timer's tick before it (<see cref="TimerEarlyTicks"/>), never well
    /// before: an operation's own cancellation that close to the deadline is taken for the deadline's.
    /// </summary>
    public static bool Ended(Exception exception, long deadline, CancellationToken callerToken) =>
        exception is OperationCanceledException or TimeoutException &&
        !callerToken.IsCancellationRequested &&
        DateTime.UtcNow.Ticks >= deadline - TimerEarlyTicks;

    /// <summary>On the caller, waits out what is left before <paramref name="deadline"/> (a timer may fire up to a tick
    /// early, <see cref="TimerEarlyTicks"/>): a timed-out caller is never told before the deadline the silo keeps. It
    /// waits without holding its thread, and again if the wait itself ends a tick early; a little late is harmless.</summary>
    public static async ValueTask WaitForAsync(long deadline)
    {
        for (long left = deadline - DateTime.UtcNow.Ticks; left > 0; left = deadline - DateTime.UtcNow.Ticks)
        {
            await Task.Delay(TimeSpan.FromTicks(Math.Max(left, TimeSpan.TicksPerMillisecond))).ConfigureAwait(false);
        }
    }

    /// <summary>How long the caller waits before it answers <see cref="TimeoutException"/>: the timeout rounded up to the
    /// next whole millisecond, and one more, since timers count whole milliseconds and may fire up to one early; the
    /// caller also never answers before the deadline itself (see the proxy).</summary>
    public static TimeSpan AnswerAfter(TimeSpan timeout) => TimeSpan.FromMilliseconds(Math.Ceiling(timeout.TotalMilliseconds) + 1);

    /// <summary>What the silo answers for a request that reached its turn after its caller's deadline (the caller,
    /// answered at the deadline, no longer waits for it).</summary>
    public static TimeoutException Passed() => new("The caller's deadline passed before the operation could start; it did not run.");
}
