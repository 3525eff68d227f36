namespace AQueue.Local.Internal;

/// <summary>Validates the timeouts that every timed overload takes, in one place.</summary>
internal static class Deadline
{
    // The longest delay a CancellationTokenSource timer accepts.
    private static readonly TimeSpan s_max = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Throws for a negative (other than infinite) or too long timeout.</summary>
    /// <returns>True when <paramref name="timeout"/> is <see cref="Timeout.InfiniteTimeSpan"/>.</returns>
    public static bool IsInfinite(TimeSpan timeout, string paramName = "timeout")
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return true;
        }

        if (timeout < TimeSpan.Zero || timeout > s_max)
        {
            throw new ArgumentOutOfRangeException(paramName, timeout,
                "The timeout must be zero or positive (at most about 49.7 days), or Timeout.InfiniteTimeSpan for none.");
        }

        return false;
    }

    /// <summary>The timeout in whole milliseconds for a blocking wait, rounded up so that a short wait is not zero.</summary>
    public static int ToMilliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));

    public static TimeoutException Expired(TimeSpan timeout, Exception? inner = null) =>
        new($"The call did not complete within {timeout}.", inner);
}
