namespace AQueue.Local.Tests.Support;

/// <summary>Waits for a condition that another thread makes true (tests only: never as synchronisation in the library):
/// the conformance library's <see cref="AQueue.Conformance.Poll"/>, with the 5 s these tests default to.</summary>
public static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test if it does not within <paramref name="timeout"/> (5 s by default).</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        AQueue.Conformance.Poll.UntilAsync(condition, what, timeout ?? TimeSpan.FromSeconds(5));
}
