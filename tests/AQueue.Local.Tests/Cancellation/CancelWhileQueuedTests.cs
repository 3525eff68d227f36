using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Cancellation;

/// <summary>
/// Cancellation before and after the turn, for every model and raw queue: the behaviours Nito.AsyncEx,
/// DotNext.Threading, VS.Threading and the runtime's SemaphoreSlim test for their own primitives.
/// </summary>
public sealed class CancelWhileQueuedTests
{
    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Waiter_cancelled_while_queued_leaves_at_once_and_never_runs(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        using var cts = new CancellationTokenSource();
        bool ran = false;

        Task<int> waiter = subject.Run(_ => { ran = true; return new ValueTask<int>(1); }, cts.Token).AsTask();
        Assert.Equal(1, subject.WaitingCount());

        cts.Cancel();
        // Removed inside Cancel(), not whenever the holder lets go.
        Assert.Equal(0, subject.WaitingCount());
        OperationCanceledException oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.Equal(cts.Token, oce.CancellationToken);
        Assert.False(hold.Completion.IsCompleted);

        await hold.ReleaseAsync();
        // The queue is free and nobody was let in behind the holder's back.
        Assert.Equal(5, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(5), CancellationToken.None)));
        Assert.False(ran);
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task Cancelling_waiter_2_of_5_removes_it_at_once_and_the_others_enter_in_order(string name)
    {
        Subject subject = Subjects.Create(name);
        var probe = new ConcurrencyProbe();
        Hold hold = await subject.HoldAsync();
        var sources = Enumerable.Range(0, 5).Select(_ => new CancellationTokenSource()).ToArray();
        var waiters = Enumerable.Range(0, 5).Select(i => subject.Run(
            async _ =>
            {
                probe.Enter(i, exclusive: true);
                await Task.Yield();
                probe.Exit(i, exclusive: true);
                return i;
            },
            sources[i].Token).AsTask()).ToArray();
        Assert.Equal(5, subject.WaitingCount());

        sources[1].Cancel();
        Assert.Equal(4, subject.WaitingCount());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiters[1]);

        await hold.ReleaseAsync();
        Assert.Equal(new[] { 0, 2, 3, 4 }, await Task.WhenAll(waiters[0], waiters[2], waiters[3], waiters[4]));
        Assert.Equal(new[] { 0, 2, 3, 4 }, probe.StartOrder);
        Assert.Equal(1, probe.MaxConcurrent);
        foreach (var source in sources)
        {
            source.Dispose();
        }
    }

    [Theory]
    [InlineData(Subjects.RwQueueRead)]
    [InlineData(Subjects.RwModelRead)]
    public async Task Cancelling_read_2_of_5_removes_it_and_the_other_reads_all_enter(string name)
    {
        Subject subject = Subjects.Create(name);
        var probe = new ConcurrencyProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hold hold = await subject.HoldAsync();
        using var cts = new CancellationTokenSource();
        var waiters = Enumerable.Range(0, 5).Select(i => subject.Run(
            async _ =>
            {
                probe.Enter(i);
                await gate.Task.ConfigureAwait(false);
                probe.Exit(i);
                return i;
            },
            i == 1 ? cts.Token : CancellationToken.None).AsTask()).ToArray();

        cts.Cancel();
        Assert.Equal(4, subject.WaitingCount());
        await hold.ReleaseAsync();
        // The four reads share the lock: all run together.
        await Poll.UntilAsync(() => probe.Running == 4, "the four remaining reads run together");
        gate.SetResult();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiters[1]);
        Assert.Equal(new[] { 0, 2, 3, 4 }, await Task.WhenAll(waiters[0], waiters[2], waiters[3], waiters[4]));
        Assert.False(probe.Started(1));
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Already_cancelled_token_cancels_even_when_the_lock_is_free(string name)
    {
        Subject subject = Subjects.Create(name);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        int runs = 0;

        ValueTask<int> call = subject.Run(_ => { runs++; return new ValueTask<int>(1); }, cts.Token);
        Assert.True(call.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call);

        ValueTask<int> timed = subject.RunTimed(_ => { runs++; return new ValueTask<int>(1); }, TimeSpan.FromSeconds(30), cts.Token);
        Assert.True(timed.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await timed);

        if (subject.RunSync is { } runSync)
        {
            Assert.ThrowsAny<OperationCanceledException>(() => runSync(() => ++runs, Timeout.InfiniteTimeSpan, cts.Token));
        }

        Assert.Equal(0, runs);
        // Nothing was taken: the lock is free.
        Assert.Equal(2, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(2), CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Cancelling_after_the_lock_was_granted_changes_nothing(string name)
    {
        Subject subject = Subjects.Create(name);
        var probe = new ConcurrencyProbe();

        // Uncontended: granted at once, cancelled while it runs; then contended: granted from the queue.
        // Both with and without a deadline: the timed overloads keep the same promise.
        foreach (bool timed in new[] { false, true })
        {
            await CancelWhileRunning(subject, probe, queued: false, timed);
            await CancelWhileRunning(subject, probe, queued: true, timed);
        }

        Assert.Equal(0, probe.ExclusivityViolations);
        Assert.Equal(0, subject.WaitingCount());
    }

    private static async Task CancelWhileRunning(Subject subject, ConcurrencyProbe probe, bool queued, bool timed)
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hold? hold = queued ? await subject.HoldAsync() : null;

        Func<CancellationToken, ValueTask<int>> body = async token =>
        {
            probe.Enter(1, exclusive: true);
            started.SetResult();
            await gate.Task.ConfigureAwait(false);
            probe.Exit(1, exclusive: true);
            // The closure sees its token cancelled, and chooses to finish normally.
            return token.IsCancellationRequested ? 10 : 20;
        };
        Task<int> call = (timed ? subject.RunTimed(body, TimeSpan.FromMinutes(1), cts.Token) : subject.Run(body, cts.Token)).AsTask();
        if (hold is not null)
        {
            await hold.ReleaseAsync();
        }

        await started.Task;
        cts.Cancel();

        // Still held: an exclusive caller has to wait for the closure.
        Task<int> next = subject.RunExclusive(
            _ =>
            {
                probe.Enter(2, exclusive: true);
                probe.Exit(2, exclusive: true);
                return new ValueTask<int>(30);
            },
            CancellationToken.None).AsTask();
        Assert.Equal(1, subject.WaitingCount());
        // Queued behind the closure (checked above); this window watches that the cancel does not let it in later.
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        Assert.False(call.IsCompleted);
        Assert.Equal(1, subject.WaitingCount());

        gate.SetResult();
        Assert.Equal(10, await call);
        Assert.Equal(30, await next);
    }
}
