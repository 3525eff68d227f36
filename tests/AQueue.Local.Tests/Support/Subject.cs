namespace AQueue.Local.Tests.Support;

/// <summary>
/// One model or queue entry point, seen through a common shape so that a behaviour can be tested against
/// every model and raw queue alike (see <see cref="Subjects"/>).
/// </summary>
public sealed class Subject
{
    /// <summary>The entry point's name, e.g. "RwModel.CallAsync".</summary>
    public required string Name { get; init; }

    /// <summary>Whether closures of <see cref="Run"/> may run beside each other (reads).</summary>
    public required bool Shared { get; init; }

    /// <summary>The entry point under test, with a cancellation token.</summary>
    public required Func<Func<CancellationToken, ValueTask<int>>, CancellationToken, ValueTask<int>> Run { get; init; }

    /// <summary>The entry point under test, with a timeout.</summary>
    public required Func<Func<CancellationToken, ValueTask<int>>, TimeSpan, CancellationToken, ValueTask<int>> RunTimed { get; init; }

    /// <summary>A call on the same model or queue that excludes every other (the write, for reader-writer subjects).</summary>
    public required Func<Func<CancellationToken, ValueTask<int>>, CancellationToken, ValueTask<int>> RunExclusive { get; init; }

    /// <summary>The blocking form of <see cref="Run"/>, where the model or queue has one.</summary>
    public Func<Func<int>, TimeSpan, CancellationToken, int>? RunSync { get; init; }

    /// <summary>Callers queued right now.</summary>
    public required Func<int> WaitingCount { get; init; }

    /// <summary>Who runs and who waits right now, taken under the lock (<c>GetSnapshot()</c>).</summary>
    public required Func<ModelSnapshot> Snapshot { get; init; }

    /// <summary>
    /// Starts an exclusive closure that holds the model or queue until released, and returns once it runs.
    /// </summary>
    public async Task<Hold> HoldAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> completion = RunExclusive(
            async _ =>
            {
                started.TrySetResult();
                await release.Task.ConfigureAwait(false);
                return -1;
            },
            CancellationToken.None).AsTask();
        await started.Task.ConfigureAwait(false);
        return new Hold(release, completion);
    }

    public override string ToString() => Name;
}
