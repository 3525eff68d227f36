namespace AQueue.Orleans.Testing;

/// <summary>The defaults the configurators apply, in one place so the silos and the client agree.</summary>
internal static class TestDefaults
{
    /// <summary>
    /// Orleans waits 30 s for a response by default; a test with a hung call should fail well before a test runner's own
    /// timeout, yet not on a slow CI machine's first call (which warms up the code generator's serializers).
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(15);
}
