using System.Collections.Concurrent;
using AQueue.Local.Internal.Locks;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Combining;

/// <summary>
/// The contended slow path's own risks. When an async caller releases the lock on a pool thread and calls are
/// queued, it runs them itself, back to back (combining, docs/architecture.md). Each test lines the waiters up
/// behind a synchronous holder that returns only once they are all queued, on a pool thread marked "holder", so
/// the batch really happens on that stack: the tests first assert that it did. They run alone (a held pool thread
/// beside parallel tests could starve the thread pool).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class CombiningTests
{
    private const string HolderStack = "holder";

    // Loose on purpose: the holder occupies a pool thread while the waiters line up.
    private static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task A_batch_runs_each_closure_in_its_own_callers_context_and_frame(string name)
    {
        Subject subject = Subjects.Create(name);
        var local = new AsyncLocal<int>();
        const int waiters = 3;
        var seen = new ConcurrentDictionary<int, (int Local, string? Stack, bool ReentryRefused)>();
        var resumedOn = new ConcurrentDictionary<int, string?>();

        Holder holder = Holder.Start(subject, waiters, holderLocal: local, holderValue: -7);
        Task[] calls = new Task[waiters];
        for (int i = 0; i < waiters; i++)
        {
            int id = i;
            // An async method's changes to AsyncLocals stay in its own flow: each caller has its own value.
            calls[i] = CallInOwnFlowAsync();
            await Poll.UntilAsync(() => subject.WaitingCount() == id + 1 || holder.Completion.IsCompleted, $"waiter {id} is queued", QueueTimeout);

            async Task CallInOwnFlowAsync()
            {
                local.Value = 100 + id;
                int result = await subject.Run(
                    _ =>
                    {
                        seen[id] = (local.Value, InlineDetector.Inside, Refused(() => subject.Run(_ => new ValueTask<int>(0), CancellationToken.None)));
                        local.Value = -1; // a closure's own change stays in its own flow
                        return new ValueTask<int>(id);
                    },
                    CancellationToken.None);
                resumedOn[id] = InlineDetector.Inside;
                Assert.Equal(100 + id, local.Value);
                Assert.Equal(id, result);
            }
        }

        await holder.Completion;
        await Task.WhenAll(calls);

        Assert.True(holder.OwnContextIntact, "the holder's own AsyncLocal survived the batch");
        for (int i = 0; i < waiters; i++)
        {
            Assert.Equal(HolderStack, seen[i].Stack); // combined: ran on the releasing caller's thread
            Assert.Equal(100 + i, seen[i].Local);
            Assert.True(seen[i].ReentryRefused, $"waiter {i}'s re-entry was refused");
            Assert.Null(resumedOn[i]); // but its caller never resumed there
        }

        Assert.Equal(7, await subject.Run(_ => new ValueTask<int>(7), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task An_exception_in_the_middle_of_a_batch_reaches_its_caller_and_the_batch_goes_on(string name)
    {
        Subject subject = Subjects.Create(name);
        var failure = new InvalidOperationException("boom");
        var order = new ConcurrentQueue<(int Id, string? Stack)>();

        Holder holder = Holder.Start(subject, 3);
        var calls = new List<Task<int>>();
        for (int i = 0; i < 3; i++)
        {
            int id = i;
            calls.Add(subject.Run(
                _ =>
                {
                    order.Enqueue((id, InlineDetector.Inside));
                    return id == 1 ? throw failure : new ValueTask<int>(id);
                },
                CancellationToken.None).AsTask());
            await Poll.UntilAsync(() => subject.WaitingCount() == id + 1 || holder.Completion.IsCompleted, $"waiter {id} is queued", QueueTimeout);
        }

        await holder.Completion;
        Assert.Equal(0, await calls[0]);
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => calls[1]));
        Assert.Equal(2, await calls[2]);
        Assert.Equal([(0, HolderStack), (1, HolderStack), (2, HolderStack)], order.ToArray());
        Assert.Equal(0, subject.WaitingCount());
        Assert.Equal(9, await subject.Run(_ => new ValueTask<int>(9), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task A_closure_that_goes_async_ends_the_batch_and_keeps_the_lock_until_it_returns(string name)
    {
        Subject subject = Subjects.Create(name);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new ConcurrentQueue<(int Id, string? Stack)>();
        var probe = new ConcurrencyProbe();

        Holder holder = Holder.Start(subject, 3);
        var calls = new List<Task<int>>();
        for (int i = 0; i < 3; i++)
        {
            int id = i;
            calls.Add(subject.Run(
                async _ =>
                {
                    started.Enqueue((id, InlineDetector.Inside));
                    probe.Enter(id, exclusive: true);
                    if (id == 1)
                    {
                        await gate.Task.ConfigureAwait(false);
                    }

                    probe.Exit(id, exclusive: true);
                    return id;
                },
                CancellationToken.None).AsTask());
            await Poll.UntilAsync(() => subject.WaitingCount() == id + 1 || holder.Completion.IsCompleted, $"waiter {id} is queued", QueueTimeout);
        }

        await holder.Completion;
        Assert.Equal(0, await calls[0]);
        await Poll.UntilAsync(() => started.Count == 2, "the async closure has started", QueueTimeout);

        // Waiter 2 stays queued behind the async closure, which still holds the lock.
        Assert.Equal(1, subject.WaitingCount());
        Assert.False(calls[1].IsCompleted);
        Assert.False(calls[2].IsCompleted);

        gate.SetResult();
        Assert.Equal(1, await calls[1]);
        Assert.Equal(2, await calls[2]);

        var log = started.ToArray();
        Assert.Equal([0, 1, 2], log.Select(s => s.Id));
        Assert.Equal(HolderStack, log[0].Stack);
        Assert.Equal(HolderStack, log[1].Stack);
        Assert.NotEqual(HolderStack, log[2].Stack); // the batch ended at the async closure
        Assert.Equal(1, probe.MaxConcurrent);
        Assert.Equal(0, probe.ExclusivityViolations);
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task A_batch_is_bounded_and_every_caller_is_served_in_arrival_order(string name)
    {
        Subject subject = Subjects.Create(name);
        int waiters = (2 * CallWaiter.BatchLimit) + 3;
        var order = new ConcurrentQueue<(int Id, string? Stack)>();

        Holder holder = Holder.Start(subject, waiters);
        var calls = new List<Task<int>>();
        for (int i = 0; i < waiters; i++)
        {
            int id = i;
            calls.Add(subject.Run(
                _ =>
                {
                    order.Enqueue((id, InlineDetector.Inside));
                    return new ValueTask<int>(id);
                },
                CancellationToken.None).AsTask());
            await Poll.UntilAsync(() => subject.WaitingCount() == id + 1 || holder.Completion.IsCompleted, $"waiter {id} is queued", QueueTimeout);
        }

        await holder.Completion;
        int[] results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, waiters), results);
        var log = order.ToArray();
        Assert.Equal(Enumerable.Range(0, waiters), log.Select(entry => entry.Id));

        // The releasing caller ran exactly one full batch; the rest went on elsewhere, still in order.
        Assert.Equal(CallWaiter.BatchLimit, log.Count(entry => entry.Stack == HolderStack));
        Assert.All(log.Take(CallWaiter.BatchLimit), entry => Assert.Equal(HolderStack, entry.Stack));
    }

    [Theory]
    [MemberData(nameof(Subjects.Exclusive), MemberType = typeof(Subjects))]
    public async Task A_release_off_the_thread_pool_hands_the_lock_on_instead_of_combining(string name)
    {
        Subject subject = Subjects.Create(name);
        var stacks = new ConcurrentQueue<string?>();

        Holder holder = Holder.Start(subject, 2, dedicatedThread: true);
        var calls = new List<Task<int>>();
        for (int i = 0; i < 2; i++)
        {
            int id = i;
            calls.Add(subject.Run(
                _ =>
                {
                    stacks.Enqueue(InlineDetector.Inside);
                    return new ValueTask<int>(id);
                },
                CancellationToken.None).AsTask());
            await Poll.UntilAsync(() => subject.WaitingCount() == id + 1 || holder.Completion.IsCompleted, $"waiter {id} is queued", QueueTimeout);
        }

        await holder.Completion;
        int[] results = await Task.WhenAll(calls);
        Assert.Equal(new[] { 0, 1 }, results);
        Assert.Equal(2, stacks.Count);
        Assert.All(stacks, stack => Assert.Null(stack));
    }

    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public async Task A_sync_caller_never_runs_queued_closures(string name)
    {
        Subject subject = Subjects.Create(name);
        var stacks = new ConcurrentQueue<string?>();
        var holderIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task released = InlineDetector.RunAsync(HolderStack, () => subject.RunSync!(
            () =>
            {
                holderIn.SetResult();
                Assert.True(SpinWait.SpinUntil(() => subject.WaitingCount() == 2, QueueTimeout));
                return 0;
            },
            Timeout.InfiniteTimeSpan,
            CancellationToken.None));
        await holderIn.Task;

        // Writes, so that a reader-writer lock queues them behind a sync read as well as a sync write.
        var calls = new List<Task<int>>();
        for (int i = 0; i < 2; i++)
        {
            int id = i;
            calls.Add(subject.RunExclusive(
                _ =>
                {
                    stacks.Enqueue(InlineDetector.Inside);
                    return new ValueTask<int>(id);
                },
                CancellationToken.None).AsTask());
            await Poll.UntilAsync(() => subject.WaitingCount() == id + 1 || released.IsCompleted, $"waiter {id} is queued", QueueTimeout);
        }

        await released;
        int[] results = await Task.WhenAll(calls);
        Assert.Equal(new[] { 0, 1 }, results);
        Assert.All(stacks, stack => Assert.NotEqual(HolderStack, stack));
    }

    private static bool Refused(Func<ValueTask<int>> call)
    {
        try
        {
            Task<int> task = call().AsTask();
            return task.IsFaulted && task.Exception!.InnerException is ModelReentrancyException;
        }
        catch (ModelReentrancyException)
        {
            return true;
        }
    }

    /// <summary>
    /// An exclusive call whose closure is synchronous and returns only once <c>waiters</c> calls are queued behind
    /// it, made on a pool thread marked <see cref="HolderStack"/> (or on a dedicated thread), so its release, and
    /// any batch it runs, happens there.
    /// </summary>
    private sealed class Holder
    {
        public required Task Completion { get; init; }

        public bool OwnContextIntact { get; private set; }

        public static Holder Start(Subject subject, int waiters, AsyncLocal<int>? holderLocal = null, int holderValue = 0, bool dedicatedThread = false)
        {
            var entered = new ManualResetEventSlim();
            Holder? holder = null;
            void Run()
            {
                if (holderLocal is not null)
                {
                    holderLocal.Value = holderValue;
                }

                ValueTask<int> call = subject.RunExclusive(
                    _ =>
                    {
                        entered.Set();
                        if (!SpinWait.SpinUntil(() => subject.WaitingCount() == waiters, QueueTimeout))
                        {
                            throw new TimeoutException("The waiters never queued.");
                        }

                        return new ValueTask<int>(-1);
                    },
                    CancellationToken.None);

                // Completed on the spot: the batch ran inside the call, before it returned.
                Assert.True(call.IsCompletedSuccessfully);
                holder!.OwnContextIntact = holderLocal is null || holderLocal.Value == holderValue;
            }

            Task completion;
            if (dedicatedThread)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() =>
                {
                    try
                    {
                        Run();
                        done.SetResult();
                    }
                    catch (Exception exception)
                    {
                        done.SetException(exception);
                    }
                });
                completion = done.Task;
                holder = new Holder { Completion = completion };
                thread.Start();
            }
            else
            {
                var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                completion = InlineDetector.RunAsync(HolderStack, () =>
                {
                    ready.Task.Wait();
                    Run();
                });
                holder = new Holder { Completion = completion };
                ready.SetResult();
            }

            Assert.True(entered.Wait(QueueTimeout), "the holder entered");
            return holder;
        }
    }
}
