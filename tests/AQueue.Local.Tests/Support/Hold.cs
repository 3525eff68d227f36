namespace AQueue.Local.Tests.Support;

/// <summary>An exclusive closure started by <see cref="Subject.HoldAsync"/>, running until <see cref="ReleaseAsync"/>.</summary>
public sealed class Hold(TaskCompletionSource release, Task<int> completion)
{
    /// <summary>The holding call; completes once the closure has returned.</summary>
    public Task<int> Completion => completion;

    /// <summary>Lets the closure return, and waits until its call has completed.</summary>
    public async Task ReleaseAsync()
    {
        release.TrySetResult();
        await completion.ConfigureAwait(false);
    }
}
