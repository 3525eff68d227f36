using AQueue.Local.Tests.Stress.Targets;
using Xunit;

namespace AQueue.Local.Tests.Stress.Findings;

/// <summary>
/// Found by the storm (an RwQueue round hung: a plain thread blocked forever on a write lock that no closure
/// held, because the pool thread that had to release it was blocked in the storm's own join).
/// A timed call whose closure completes asynchronously, before its deadline, resumes its caller before it
/// releases the lock: in <c>Runner.RunWithDeadlineAsync</c> the exit continuation is registered on the closure's
/// task after <c>WaitAsync</c>, so when the closure completes, the caller's synchronous continuation runs first,
/// on that thread, and the lock is released only after it returns. A caller that then calls the same model
/// synchronously (or blocks on anything that needs the lock) deadlocks with itself; any caller sees the model
/// still locked right after its call returned.
/// </summary>
/// <remarks>
/// Each test starts the call and lets the closure go on pool threads (no synchronization context), and observes the
/// caller's side with a synchronous continuation registered before the closure is let go, as an <c>await</c>
/// continuation of such a caller runs.
/// </remarks>
public sealed class TimedCallReleaseTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Timed_read_is_released_before_its_caller_resumes()
    {
        var model = new RwModel<int>(0);
        RwQueue queue = LockInspector.QueueOf<RwQueue>(model);
        var release = new TaskCompletionSource();
        Task<int> readersSeenByCaller = await OnPool(() => model.CallAsync(async s => { await release.Task; return s.Value; }, s_timeout).AsTask()
            .ContinueWith(_ => queue.CurrentReaderCount, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        Assert.Equal(1, queue.CurrentReaderCount);

        await Task.Run(release.SetResult);

        // The call returned: its closure is done, so its read must no longer count.
        Assert.Equal(0, await readersSeenByCaller);
    }

    [Fact]
    public async Task Timed_actor_call_is_released_before_its_caller_resumes()
    {
        var actor = new Actor<int>(0);
        MutexQueue queue = LockInspector.QueueOf<MutexQueue>(actor);
        var release = new TaskCompletionSource();
        Task<bool> heldSeenByCaller = await OnPool(() => actor.InnerCallAsync(async s => { await release.Task; return ++s.Value; }, s_timeout).AsTask()
            .ContinueWith(_ => queue.IsHeld, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        Assert.True(queue.IsHeld);

        await Task.Run(release.SetResult);

        Assert.False(await heldSeenByCaller, "the actor is still locked after its call returned");
    }

    [Fact]
    public async Task Sync_write_right_after_a_timed_read_does_not_deadlock()
    {
        var model = new RwModel<int>(0);
        var release = new TaskCompletionSource();
        Task<string> nextCall = await OnPool(() => model.CallAsync(async s => { await release.Task; return s.Value; }, s_timeout).AsTask()
            .ContinueWith(
                _ =>
                {
                    try
                    {
                        // Nothing else holds the model: this must run at once.
                        model.CallMut(s => { s.Value++; }, TimeSpan.FromSeconds(1));
                        return "ok";
                    }
                    catch (Exception exception)
                    {
                        return $"{exception.GetType().Name}: {exception.Message}";
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default));

        await Task.Run(release.SetResult);

        Assert.Equal("ok", await nextCall);
        Assert.Equal(1, model.Call(s => s.Value));
    }

    /// <summary>Starts a call on a pool thread and hands back its observing task (not awaiting it).</summary>
    private static Task<Task<T>> OnPool<T>(Func<Task<T>> start) =>
        Task.Factory.StartNew(start, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
}
