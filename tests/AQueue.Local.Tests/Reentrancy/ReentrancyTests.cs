using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Reentrancy;

/// <summary>
/// Calling a model or queue from inside one of its own closures would wait for itself forever; it fails at
/// once with <see cref="ModelReentrancyException"/> instead, in the closure's synchronous part and after an
/// await, through async and blocking calls alike, and the model stays usable.
/// </summary>
public sealed class ReentrancyTests
{
    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Reentering_in_the_synchronous_part_throws_at_once_and_the_model_stays_usable(string name)
    {
        Subject subject = Subjects.Create(name);
        int innerRuns = 0;
        Func<CancellationToken, ValueTask<int>> inner = _ => new ValueTask<int>(++innerRuns);

        int result = await subject.Run(
            _ =>
            {
                AssertFailsAtOnce(() => subject.Run(inner, CancellationToken.None));
                AssertFailsAtOnce(() => subject.RunExclusive(inner, CancellationToken.None));
                AssertFailsAtOnce(() => subject.RunTimed(inner, TimeSpan.FromSeconds(30), CancellationToken.None));
                AssertFailsAtOnce(() => subject.RunTimed(inner, Timeout.InfiniteTimeSpan, CancellationToken.None));
                if (subject.RunSync is { } runSync)
                {
                    Assert.Throws<ModelReentrancyException>(() => runSync(() => ++innerRuns, Timeout.InfiniteTimeSpan, CancellationToken.None));
                }

                return new ValueTask<int>(1);
            },
            CancellationToken.None);

        Assert.Equal(1, result);
        Assert.Equal(0, innerRuns);
        AssertUsable(subject);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Reentering_after_an_await_throws_at_once_and_the_model_stays_usable(string name)
    {
        Subject subject = Subjects.Create(name);
        int innerRuns = 0;
        Func<CancellationToken, ValueTask<int>> inner = _ => new ValueTask<int>(++innerRuns);

        int result = await subject.Run(
            async _ =>
            {
                await Task.Yield();
                AssertFailsAtOnce(() => subject.Run(inner, CancellationToken.None));
                await Task.Delay(1).ConfigureAwait(false);
                AssertFailsAtOnce(() => subject.RunExclusive(inner, CancellationToken.None));
                AssertFailsAtOnce(() => subject.RunTimed(inner, TimeSpan.FromSeconds(30), CancellationToken.None));
                if (subject.RunSync is { } runSync)
                {
                    Assert.Throws<ModelReentrancyException>(() => runSync(() => ++innerRuns, Timeout.InfiniteTimeSpan, CancellationToken.None));
                }

                return 2;
            },
            CancellationToken.None);

        Assert.Equal(2, result);
        Assert.Equal(0, innerRuns);
        AssertUsable(subject);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Reentering_from_a_task_the_closure_waits_for_throws(string name)
    {
        Subject subject = Subjects.Create(name);
        var thrown = await subject.Run(
            async _ =>
            {
                // The child task inherits the closure's flow: awaiting it would deadlock just the same.
                Exception? caught = await Task.Run(async () =>
                {
                    try
                    {
                        await subject.Run(__ => new ValueTask<int>(0), CancellationToken.None);
                        return null;
                    }
                    catch (Exception ex)
                    {
                        return ex;
                    }
                });
                return caught is ModelReentrancyException ? 1 : 0;
            },
            CancellationToken.None);
        Assert.Equal(1, thrown);
        AssertUsable(subject);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Uncaught_reentrancy_fails_the_outer_call_and_releases_the_lock(string name)
    {
        Subject subject = Subjects.Create(name);
        await Assert.ThrowsAsync<ModelReentrancyException>(async () => await subject.Run(
            async _ =>
            {
                await Task.Yield();
                return await subject.Run(__ => new ValueTask<int>(0), CancellationToken.None);
            },
            CancellationToken.None));
        AssertUsable(subject);
    }

    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public void Reentering_from_a_blocking_call_throws_at_once(string name)
    {
        Subject subject = Subjects.Create(name);
        int innerRuns = 0;
        int result = subject.RunSync!(
            () =>
            {
                AssertFailsAtOnce(() => subject.Run(_ => new ValueTask<int>(++innerRuns), CancellationToken.None));
                AssertFailsAtOnce(() => subject.RunExclusive(_ => new ValueTask<int>(++innerRuns), CancellationToken.None));
                Assert.Throws<ModelReentrancyException>(() => subject.RunSync!(() => ++innerRuns, Timeout.InfiniteTimeSpan, CancellationToken.None));
                Assert.Throws<ModelReentrancyException>(() => subject.RunSync!(() => ++innerRuns, TimeSpan.Zero, CancellationToken.None));
                return 3;
            },
            Timeout.InfiniteTimeSpan,
            CancellationToken.None);
        Assert.Equal(3, result);
        Assert.Equal(0, innerRuns);
        AssertUsable(subject);
        Assert.Equal(4, subject.RunSync!(() => 4, TimeSpan.Zero, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Sequential_calls_from_one_flow_are_not_reentrancy(string name)
    {
        Subject subject = Subjects.Create(name);
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += await subject.Run(
                async _ =>
                {
                    if (i % 2 == 0)
                    {
                        await Task.Yield();
                    }

                    return 1;
                },
                CancellationToken.None);
            total += await subject.RunTimed(_ => new ValueTask<int>(1), TimeSpan.FromSeconds(30), CancellationToken.None);
            if (subject.RunSync is { } runSync)
            {
                total += runSync(() => 1, Timeout.InfiniteTimeSpan, CancellationToken.None);
            }
        }

        Assert.Equal(subject.RunSync is null ? 200 : 300, total);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Caller_from_another_flow_waits_its_turn_instead_of_throwing(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        // Started from the test's flow, not from inside the holding closure.
        Task<int> other = Task.Run(async () => await subject.RunExclusive(_ => new ValueTask<int>(5), CancellationToken.None));
        await Poll.UntilAsync(() => subject.WaitingCount() == 1, "the other flow queues");
        Assert.False(other.IsCompleted);
        await hold.ReleaseAsync();
        Assert.Equal(5, await other);
    }

    private static void AssertFailsAtOnce(Func<ValueTask<int>> call)
    {
        ValueTask<int> pending;
        try
        {
            pending = call();
        }
        catch (ModelReentrancyException)
        {
            return;
        }

        Assert.True(pending.IsFaulted, "Re-entry must fail at once, not wait for a lock it holds itself.");
        Assert.IsType<ModelReentrancyException>(pending.AsTask().Exception!.InnerException);
    }

    private static void AssertUsable(Subject subject)
    {
        Assert.Equal(0, subject.WaitingCount());
        Assert.Equal(9, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(9), CancellationToken.None)));
        Assert.Equal(8, Completed.Result(subject.Run(_ => new ValueTask<int>(8), CancellationToken.None)));
    }
}
