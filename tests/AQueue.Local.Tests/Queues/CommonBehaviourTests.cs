using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Queues;

/// <summary>What every model and raw queue does alike: synchronous uncontended calls, exceptions, FIFO, exclusion.</summary>
public sealed class CommonBehaviourTests
{
    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public void Uncontended_call_completes_synchronously(string name)
    {
        Subject subject = Subjects.Create(name);
        using var cts = new CancellationTokenSource();

        ValueTask<int> plain = subject.Run(_ => new ValueTask<int>(1), CancellationToken.None);
        ValueTask<int> withToken = subject.Run(_ => new ValueTask<int>(2), cts.Token);
        ValueTask<int> infinite = subject.RunTimed(_ => new ValueTask<int>(3), Timeout.InfiniteTimeSpan, cts.Token);
        ValueTask<int> timed = subject.RunTimed(_ => new ValueTask<int>(4), TimeSpan.FromSeconds(30), cts.Token);

        Assert.Equal(1, Completed.Result(plain));
        Assert.Equal(2, Completed.Result(withToken));
        Assert.Equal(3, Completed.Result(infinite));
        Assert.Equal(4, Completed.Result(timed));
        Assert.Equal(0, subject.WaitingCount());
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Throwing_closure_releases_the_lock_and_the_caller_gets_the_same_exception(string name)
    {
        Subject subject = Subjects.Create(name);
        var thrownAtOnce = new InvalidOperationException("thrown before the first await");
        var thrownLater = new FormatException("thrown after an await");
        var returnedFaulted = new ArithmeticException("returned as a faulted task");

        Assert.Same(thrownAtOnce, await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await subject.Run(_ => throw thrownAtOnce, CancellationToken.None)));
        Assert.Same(thrownLater, await Assert.ThrowsAsync<FormatException>(async () =>
            await subject.Run(async _ => { await Task.Yield(); throw thrownLater; }, CancellationToken.None)));
        Assert.Same(returnedFaulted, await Assert.ThrowsAsync<ArithmeticException>(async () =>
            await subject.Run(_ => ValueTask.FromException<int>(returnedFaulted), CancellationToken.None)));

        // The timed path has its own bookkeeping: the same three shapes through it.
        TimeSpan timeout = TimeSpan.FromSeconds(30);
        Assert.Same(thrownAtOnce, await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await subject.RunTimed(_ => throw thrownAtOnce, timeout, CancellationToken.None)));
        Assert.Same(thrownLater, await Assert.ThrowsAsync<FormatException>(async () =>
            await subject.RunTimed(async _ => { await Task.Yield(); throw thrownLater; }, timeout, CancellationToken.None)));
        Assert.Same(returnedFaulted, await Assert.ThrowsAsync<ArithmeticException>(async () =>
            await subject.RunTimed(_ => ValueTask.FromException<int>(returnedFaulted), timeout, CancellationToken.None)));

        // Contended: a queued closure that throws hands the lock on to the next one.
        Hold hold = await subject.HoldAsync();
        Task<int> thrower = subject.Run(_ => throw thrownAtOnce, CancellationToken.None).AsTask();
        Task<int> next = subject.RunExclusive(_ => new ValueTask<int>(42), CancellationToken.None).AsTask();
        await hold.ReleaseAsync();
        Assert.Same(thrownAtOnce, await Assert.ThrowsAsync<InvalidOperationException>(() => thrower));
        Assert.Equal(42, await next);

        // Nothing is left held: an exclusive call goes straight in.
        Assert.True(subject.RunExclusive(_ => new ValueTask<int>(0), CancellationToken.None).IsCompletedSuccessfully);
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task Waiters_enter_one_at_a_time_in_arrival_order(string name)
    {
        Subject subject = Subjects.Create(name);
        var probe = new ConcurrencyProbe();
        Hold hold = await subject.HoldAsync();

        var calls = new List<Task<int>>();
        for (int i = 0; i < 20; i++)
        {
            int id = i;
            calls.Add(subject.Run(
                async _ =>
                {
                    probe.Enter(id, exclusive: true);
                    await Task.Yield();
                    probe.Exit(id, exclusive: true);
                    return id;
                },
                CancellationToken.None).AsTask());
            Assert.Equal(i + 1, subject.WaitingCount());
        }

        Assert.Empty(probe.Events);
        await hold.ReleaseAsync();
        Assert.Equal(Enumerable.Range(0, 20), await Task.WhenAll(calls));

        Assert.Equal(Enumerable.Range(0, 20), probe.StartOrder);
        Assert.Equal(1, probe.MaxConcurrent);
        Assert.Equal(0, probe.ExclusivityViolations);
        Assert.Equal(0, subject.WaitingCount());
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task Concurrent_callers_never_overlap_across_awaits(string name)
    {
        Subject subject = Subjects.Create(name);
        var probe = new ConcurrencyProbe();
        long unguarded = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 300; i++)
            {
                await subject.Run(
                    async _ =>
                    {
                        probe.Enter(worker, exclusive: true);
                        long seen = unguarded;
                        await Task.Yield(); // a torn update would show if anyone ran in between
                        unguarded = seen + 1;
                        probe.Exit(worker, exclusive: true);
                        return 0;
                    },
                    CancellationToken.None);
            }
        })));

        Assert.Equal(8 * 300, unguarded);
        Assert.Equal(1, probe.MaxConcurrent);
        Assert.Equal(0, probe.ExclusivityViolations);
    }
}
