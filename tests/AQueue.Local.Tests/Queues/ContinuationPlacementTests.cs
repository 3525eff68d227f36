using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Queues;

/// <summary>
/// A granted waiter's closure never runs inline on the stack of the caller that released the lock, nor inside
/// <see cref="CancellationTokenSource.Cancel()"/> (docs/architecture.md): either would let user code run
/// inside someone else's call, under their locks, and could recurse without bound.
/// </summary>
/// <remarks>
/// Each test first proves that the release really happens on the marked stack (the holder's own
/// continuation runs there), so that a passing test is not an accident of scheduling.
/// </remarks>
public sealed class ContinuationPlacementTests
{
    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Granted_waiter_never_runs_on_the_releasing_callers_stack(string name)
    {
        Subject subject = Subjects.Create(name);
        // No RunContinuationsAsynchronously: the holder resumes, returns and releases inside SetResult.
        var gate = new TaskCompletionSource();
        var holderStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? holderReleasedInside = "not run";
        Task<int> holder = subject.RunExclusive(
            async _ =>
            {
                holderStarted.SetResult();
                await gate.Task.ConfigureAwait(false);
                holderReleasedInside = InlineDetector.Inside;
                return 0;
            },
            CancellationToken.None).AsTask();
        await holderStarted.Task;

        string? waiterRanInside = "not run";
        Task<int> waiter = subject.Run(
            _ =>
            {
                waiterRanInside = InlineDetector.Inside;
                return new ValueTask<int>(1);
            },
            CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());

        await InlineDetector.RunAsync("release", () => gate.SetResult());
        await holder;
        Assert.Equal(1, await waiter);

        Assert.Equal("release", holderReleasedInside);
        Assert.Null(waiterRanInside);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Granted_waiter_never_runs_inside_Cancel(string name)
    {
        Subject subject = Subjects.Create(name);
        using var holderCts = new CancellationTokenSource();
        var holderStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? holderReleasedInside = "not run";
        // The holder ends when its token is cancelled, so Cancel() itself releases the lock.
        Task<int> holder = subject.RunExclusive(
            async token =>
            {
                holderStarted.SetResult();
                // Completed inside Cancel() by the registration; no RunContinuationsAsynchronously, so the
                // holder resumes, returns and releases right there.
                var cancelled = new TaskCompletionSource();
                using (token.Register(() => cancelled.SetResult()))
                {
                    await cancelled.Task.ConfigureAwait(false);
                }

                holderReleasedInside = InlineDetector.Inside;
                return 0;
            },
            holderCts.Token).AsTask();
        await holderStarted.Task;

        string? waiterRanInside = "not run";
        Task<int> waiter = subject.Run(
            _ =>
            {
                waiterRanInside = InlineDetector.Inside;
                return new ValueTask<int>(1);
            },
            CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());

        await InlineDetector.RunAsync("cancel", holderCts.Cancel);
        Assert.Equal(0, await holder);
        Assert.Equal(1, await waiter);

        Assert.Equal("cancel", holderReleasedInside);
        Assert.Null(waiterRanInside);
    }

    [Theory]
    [InlineData(Subjects.RwQueueRead)]
    [InlineData(Subjects.RwModelRead)]
    public async Task Reads_let_in_by_a_cancelled_write_never_run_inside_Cancel(string name)
    {
        Subject reads = Subjects.Create(name);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> first = reads.Run(
            async _ =>
            {
                firstStarted.SetResult();
                await gate.Task.ConfigureAwait(false);
                return 0;
            },
            CancellationToken.None).AsTask();
        await firstStarted.Task;

        using var writeCts = new CancellationTokenSource();
        Task<int> write = reads.RunExclusive(_ => new ValueTask<int>(-1), writeCts.Token).AsTask();
        var behind = new string?[3];
        var behindCalls = Enumerable.Range(0, behind.Length).Select(i => reads.Run(
            _ =>
            {
                behind[i] = InlineDetector.Inside ?? "elsewhere";
                return new ValueTask<int>(i);
            },
            CancellationToken.None).AsTask()).ToArray();
        Assert.Equal(1 + behind.Length, reads.WaitingCount());

        await InlineDetector.RunAsync("cancel", writeCts.Cancel);
        Assert.Equal(0, reads.WaitingCount());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        await Task.WhenAll(behindCalls);
        Assert.All(behind, where => Assert.Equal("elsewhere", where));

        gate.SetResult();
        await first;
    }
}
