using System.Diagnostics;
using Xunit;

namespace AQueue.Conformance;

/// <summary>
/// Waits for a state that another thread or node brings about: a count, a flag. Tests only; the library never
/// synchronises by polling.
/// </summary>
public static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test if it does not within
    /// <paramref name="timeout"/> (5 s by default).</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => new ValueTask<bool>(condition()), what, timeout);
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test if it does not within
    /// <paramref name="timeout"/> (5 s by default).</summary>
    public static async Task UntilAsync(Func<ValueTask<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
