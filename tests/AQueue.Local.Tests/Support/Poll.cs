using Xunit;

namespace AQueue.Local.Tests.Support;

/// <summary>Waits for a condition that another thread makes true (tests only: never as synchronisation in the library).</summary>
public static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test if it does not within <paramref name="timeout"/> (5 s by default).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
