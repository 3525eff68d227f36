using System.Diagnostics;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Cancellation;

/// <summary>
/// The TimeSpan overloads, as their XML docs describe them: the deadline covers waiting and running; at
/// the deadline the closure's token is cancelled and the caller gets <see cref="TimeoutException"/>, while
/// the lock stays held until the closure really returns. <see cref="TimeSpan.Zero"/> times the async call
/// out without running; other negative values (and values past a timer's range) are rejected;
/// <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
/// </summary>
public sealed class TimeoutTests
{
    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Timeout_while_waiting_throws_TimeoutException_leaves_the_queue_and_never_runs(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        bool ran = false;

        var watch = Stopwatch.StartNew();
        Task<int> call = subject.RunTimed(_ => { ran = true; return new ValueTask<int>(1); }, TimeSpan.FromMilliseconds(100), CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());
        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(90), $"timed out after {watch.Elapsed}");
        Assert.Equal(0, subject.WaitingCount());

        await hold.ReleaseAsync();
        Assert.Equal(2, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(2), CancellationToken.None)));
        Assert.False(ran);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Timeout_while_running_cancels_the_closures_token_and_the_lock_stays_held_until_it_returns(string name)
    {
        // Without a caller's token, and with one that stays live (the closure then gets a token linked to both).
        await TimeOutWhileRunning(Subjects.Create(name), CancellationToken.None);
        using var live = new CancellationTokenSource();
        await TimeOutWhileRunning(Subjects.Create(name), live.Token);
    }

    private static async Task TimeOutWhileRunning(Subject subject, CancellationToken callerToken)
    {
        var probe = new ConcurrencyProbe();
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letSlowFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<int> slow = subject.RunTimed(
            async token =>
            {
                probe.Enter(1, exclusive: true);
                try
                {
                    await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    tokenCancelled.SetResult();
                }

                // Ignores the deadline a while longer: the lock must stay held all the same.
                await letSlowFinish.Task.ConfigureAwait(false);
                probe.Exit(1, exclusive: true);
                return 1;
            },
            TimeSpan.FromMilliseconds(150),
            callerToken).AsTask();

        await Assert.ThrowsAsync<TimeoutException>(() => slow);
        await tokenCancelled.Task;

        Task<int> second = subject.RunExclusive(
            _ =>
            {
                probe.Enter(2, exclusive: true);
                probe.Exit(2, exclusive: true);
                return new ValueTask<int>(2);
            },
            CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());
        // Queued behind the closure (checked above); this window watches that nothing lets it in while the closure runs on.
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        Assert.False(probe.Started(2));
        Assert.Equal(1, subject.WaitingCount());

        letSlowFinish.SetResult();
        Assert.Equal(2, await second);
        Assert.Equal(
            new[] { ProbeEventKind.Start, ProbeEventKind.End, ProbeEventKind.Start, ProbeEventKind.End },
            probe.Events.Select(e => e.Kind));
        Assert.Equal(new[] { 1, 1, 2, 2 }, probe.Events.Select(e => e.Id));
        Assert.Equal(0, probe.ExclusivityViolations);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Closure_finishing_before_the_deadline_returns_its_result(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        Task<int> call = subject.RunTimed(
            async token =>
            {
                await Task.Delay(20, token).ConfigureAwait(false);
                return token.IsCancellationRequested ? -1 : 7;
            },
            TimeSpan.FromSeconds(10),
            CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());
        await hold.ReleaseAsync();
        Assert.Equal(7, await call);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Caller_cancelling_a_timed_wait_gets_OperationCanceledException_not_TimeoutException(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        using var cts = new CancellationTokenSource();
        bool ran = false;

        Task<int> call = subject.RunTimed(_ => { ran = true; return new ValueTask<int>(1); }, TimeSpan.FromSeconds(30), cts.Token).AsTask();
        Assert.Equal(1, subject.WaitingCount());
        cts.Cancel();
        Assert.Equal(0, subject.WaitingCount());
        OperationCanceledException oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<TimeoutException>(oce.InnerException);

        await hold.ReleaseAsync();
        Assert.False(ran);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Zero_timeout_times_out_without_running_even_when_the_lock_is_free(string name)
    {
        Subject subject = Subjects.Create(name);
        bool ran = false;

        ValueTask<int> call = subject.RunTimed(_ => { ran = true; return new ValueTask<int>(1); }, TimeSpan.Zero, CancellationToken.None);
        Assert.True(call.IsFaulted);
        await Assert.ThrowsAsync<TimeoutException>(async () => await call);

        Assert.False(ran);
        Assert.Equal(2, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(2), CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Negative_or_out_of_range_timeouts_are_rejected(string name)
    {
        Subject subject = Subjects.Create(name);
        bool ran = false;
        Func<CancellationToken, ValueTask<int>> body = _ => { ran = true; return new ValueTask<int>(1); };

        foreach (TimeSpan bad in new[] { TimeSpan.FromMilliseconds(-2), TimeSpan.FromTicks(-1), TimeSpan.MinValue, TimeSpan.FromDays(50), TimeSpan.MaxValue })
        {
            ArgumentOutOfRangeException ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await subject.RunTimed(body, bad, CancellationToken.None));
            Assert.Equal("timeout", ex.ParamName);
            if (subject.RunSync is { } runSync)
            {
                Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => runSync(() => 1, bad, CancellationToken.None)).ParamName);
            }
        }

        Assert.False(ran);
        Assert.Equal(0, subject.WaitingCount());
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Infinite_timeout_means_no_deadline(string name)
    {
        Subject subject = Subjects.Create(name);
        // Timeout.InfiniteTimeSpan is -1 ms: the one negative value that is allowed.
        Assert.Equal(Timeout.InfiniteTimeSpan, TimeSpan.FromMilliseconds(-1));
        Assert.Equal(1, Completed.Result(subject.RunTimed(
            token => new ValueTask<int>(token.CanBeCanceled ? -1 : 1), Timeout.InfiniteTimeSpan, CancellationToken.None)));

        Hold hold = await subject.HoldAsync();
        Task<int> waiting = subject.RunTimed(_ => new ValueTask<int>(2), Timeout.InfiniteTimeSpan, CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());
        // The deadline is what is tested: a window in which a short one taken for "infinite" would expire.
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, subject.WaitingCount());
        await hold.ReleaseAsync();
        Assert.Equal(2, await waiting);

        // The longest timeout a timer takes is accepted, and behaves as a deadline that does not pass.
        TimeSpan longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
        Assert.Equal(3, await subject.RunTimed(_ => new ValueTask<int>(3), longest, CancellationToken.None));
    }
}
