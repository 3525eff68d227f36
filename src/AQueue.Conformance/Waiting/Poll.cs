using System.Diagnostics;

namespace AQueue.Conformance;

/// <summary>
/// Waits for a state that another thread or node brings about: a count, a flag, a recorded event. Tests only; the
/// library never synchronises by polling.
/// </summary>
public static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The state waited for.</param>
    /// <param name="what">The state in words, for the failure's message.</param>
    /// <param name="timeout">How long to wait before failing.</param>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilCoreAsync(() => new ValueTask<bool>(condition()), () => what, timeout);
    }

    /// <summary>Returns once <paramref name="condition"/> holds; <paramref name="what"/> is asked only on failure, so it
    /// can describe what was seen instead.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public static Task UntilAsync(Func<bool> condition, Func<string> what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        return UntilCoreAsync(() => new ValueTask<bool>(condition()), what, timeout);
    }

    /// <summary>Returns once <paramref name="condition"/>, which may have to ask another node, holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public static Task UntilAsync(Func<ValueTask<bool>> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilCoreAsync(condition, () => what, timeout);
    }

    private static async Task UntilCoreAsync(Func<ValueTask<bool>> condition, Func<string> what, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Not within {timeout}: {what()}.");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
