namespace AQueue.Orleans.Internal;

/// <summary>Validates timeouts as the in-process backend does, so both reject the same values.</summary>
internal static class CallDeadline
{
    // The longest delay a CancellationTokenSource timer accepts.
    private static readonly TimeSpan s_max = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Throws for a negative (other than infinite) or too long timeout.</summary>
    /// <returns>True when <paramref name="timeout"/> is <see cref="Timeout.InfiniteTimeSpan"/>.</returns>
    public static bool IsInfinite(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return true;
        }

        if (timeout < TimeSpan.Zero || timeout > s_max)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                "The timeout must be zero or positive (at most about 49.7 days), or Timeout.InfiniteTimeSpan for none.");
        }

        return false;
    }

    public static TimeoutException Expired(TimeSpan timeout, Exception? inner = null) =>
        new($"The call did not complete within {timeout}.", inner);
}
