using System.Diagnostics;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.SyncCalls;

/// <summary>
/// The blocking calls' timeout, as documented: it bounds the wait only (a synchronous closure, once started,
/// runs to its end); <see cref="TimeSpan.Zero"/> means "only if free now"; the caller gets
/// <see cref="TimeoutException"/>, or <see cref="OperationCanceledException"/> when its token ends the wait.
/// </summary>
public sealed class SyncTimeoutTests
{
    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public async Task Blocking_call_that_waits_past_its_timeout_throws_TimeoutException_and_never_runs(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        bool ran = false;

        var watch = Stopwatch.StartNew();
        Exception? thrown = await RunOnThread(() => subject.RunSync!(() => { ran = true; return 1; }, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.IsType<TimeoutException>(thrown);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(90), $"gave up after {watch.Elapsed}");
        Assert.Equal(0, subject.WaitingCount());

        await hold.ReleaseAsync();
        Assert.False(ran);
        Assert.Equal(2, subject.RunSync!(() => 2, TimeSpan.Zero, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public async Task Zero_timeout_runs_when_free_and_throws_TimeoutException_at_once_when_held(string name)
    {
        Subject subject = Subjects.Create(name);
        Assert.Equal(1, subject.RunSync!(() => 1, TimeSpan.Zero, CancellationToken.None));

        Hold hold = await subject.HoldAsync();
        bool ran = false;
        var watch = Stopwatch.StartNew();
        Assert.Throws<TimeoutException>(() => subject.RunSync!(() => { ran = true; return 2; }, TimeSpan.Zero, CancellationToken.None));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(0, subject.WaitingCount());
        await hold.ReleaseAsync();
        Assert.False(ran);
    }

    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public async Task Blocking_call_with_infinite_timeout_waits_for_its_turn(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        Task<Exception?> blocked = RunOnThread(() => Assert.Equal(3, subject.RunSync!(() => 3, Timeout.InfiniteTimeSpan, CancellationToken.None)));
        await Poll.UntilAsync(() => subject.WaitingCount() == 1, "the blocking caller queues");
        // The deadline is what is tested: a window in which a short one taken for "infinite" would expire.
        await Task.Delay(150);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(1, subject.WaitingCount());
        await hold.ReleaseAsync();
        Assert.Null(await blocked);
    }

    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public async Task Blocking_waiter_cancelled_by_its_token_leaves_at_once_and_never_runs(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        using var cts = new CancellationTokenSource();
        bool ran = false;

        Task<Exception?> blocked = RunOnThread(() => subject.RunSync!(() => { ran = true; return 1; }, TimeSpan.FromMinutes(1), cts.Token));
        await Poll.UntilAsync(() => subject.WaitingCount() == 1, "the blocking caller queues");
        cts.Cancel();
        Assert.Equal(0, subject.WaitingCount());
        Exception? thrown = await blocked;
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(cts.Token, ((OperationCanceledException)thrown!).CancellationToken);

        await hold.ReleaseAsync();
        Assert.False(ran);
    }

    /// <summary>Runs a blocking call on a plain thread (never a pool or test-runner thread) and reports what it threw.</summary>
    private static Task<Exception?> RunOnThread(Action action)
    {
        var result = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                action();
                result.SetResult(null);
            }
            catch (Exception ex)
            {
                result.SetResult(ex);
            }
        });
        thread.Start();
        return result.Task;
    }
}
