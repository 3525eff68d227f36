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
    /// On the silo, as a request starts: the time left before its caller's deadline, or null for an untimed call. The
    /// deadline is removed from the request context, so the calls an operation makes do not inherit it.
    /// </summary>
    public static TimeSpan? Take()
    {
        if (RequestContextEntry.Take(Key) is not long deadline)
        {
            return null;
        }

        var left = TimeSpan.FromTicks(deadline - DateTime.UtcNow.Ticks);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// On the silo, for an operation about to start with <paramref name="left"/> before its caller's deadline: a token
    /// source that cancels the operation's token at the deadline (and with the caller's token).
    /// </summary>
    /// <exception cref="TimeoutException">The deadline has passed: the operation must not start.</exception>
    public static CancellationTokenSource Start(TimeSpan left, CancellationToken cancellationToken)
    {
        if (left <= TimeSpan.Zero)
        {
            throw Passed();
        }

        CancellationTokenSource source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(left);
        return source;
    }

    /// <summary>What the silo answers for a request that reached its turn after its caller's deadline (the caller,
    /// answered at the deadline, no longer waits for it).</summary>
    public static TimeoutException Passed() => new("The caller's deadline passed before the operation could start; it did not run.");
}
