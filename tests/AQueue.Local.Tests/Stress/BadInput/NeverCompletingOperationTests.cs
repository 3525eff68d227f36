using AQueue.Local.Tests.Stress.Targets;
using Xunit;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// An operation that ignores its token and completes only when the test releases it, called with a timeout.
/// The caller gets <see cref="TimeoutException"/> at the deadline and the operation's token is cancelled; the
/// model stays locked while the operation runs (exclusivity is never broken: another call times out too); once
/// released, the lock is free at once and the model serves the next call, the late write included.
/// </summary>
public sealed class NeverCompletingOperationTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(50);

    public static TheoryData<string> Models => ["Actor", "RwModel write", "RwModel read", "PCModel n=1", "PCModel n=2", "MutexQueue", "SemaphoreQueue", "RwQueue write"];

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Timeout_answers_the_caller_the_lock_waits_for_the_operation_and_the_model_recovers(string name)
    {
        var release = new TaskCompletionSource();
        var tokenSeen = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = new Actor<int>(0);
        var rwModel = new RwModel<int>(0);
        var pcModel = new PCModel<int[]>(new int[1], name == "PCModel n=2" ? 2 : 1);
        var mutex = new MutexQueue();
        var semaphore = new SemaphoreQueue(1);
        var rwQueue = new RwQueue();
        int queueState = 0;

        async ValueTask<int> Stuck(CancellationToken token, Func<int> apply)
        {
            tokenSeen.TrySetResult(token);
            await release.Task; // ignores the token on purpose
            return apply();
        }

        Func<Task> stuckCall = name switch
        {
            "Actor" => () => ((IActor<int>)actor).InnerCallAsync(new DelegateWriteOperation<int, int>((s, ct) => Stuck(ct, () => ++s.Value)), s_deadline).AsTask(),
            "RwModel write" => () => ((IRwModel<int>)rwModel).CallMutAsync(new DelegateWriteOperation<int, int>((s, ct) => Stuck(ct, () => ++s.Value)), s_deadline).AsTask(),
            "RwModel read" => () => ((IRwModel<int>)rwModel).CallAsync(new DelegateReadOperation<int, int>((s, ct) => Stuck(ct, () => 0)), s_deadline).AsTask(),
            "PCModel n=1" or "PCModel n=2" => () => ((IPCModel<int[]>)pcModel).CallAsync(new DelegateReadOperation<int[], int>((s, ct) => Stuck(ct, () => Interlocked.Increment(ref s.Value[0]))), s_deadline).AsTask(),
            "MutexQueue" => () => mutex.RunAsync(ct => Stuck(ct, () => ++queueState), s_deadline).AsTask(),
            "SemaphoreQueue" => () => semaphore.RunAsync(ct => Stuck(ct, () => ++queueState), s_deadline).AsTask(),
            "RwQueue write" => () => rwQueue.WriteAsync(ct => Stuck(ct, () => ++queueState), s_deadline).AsTask(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        // Another exclusive call while the stuck one holds the lock: it must time out too (for a read, a write;
        // for PCModel n=2, a second slot is free, so it runs).
        Func<Task> other = name switch
        {
            "Actor" => () => actor.InnerCallAsync(s => { s.Value += 100; return ValueTask.CompletedTask; }, s_short).AsTask(),
            "RwModel write" or "RwModel read" => () => rwModel.CallMutAsync(s => { s.Value += 100; return ValueTask.CompletedTask; }, s_short).AsTask(),
            "PCModel n=1" or "PCModel n=2" => () => pcModel.CallAsync(s => { Interlocked.Add(ref s.Value[0], 100); return ValueTask.CompletedTask; }, s_short).AsTask(),
            "MutexQueue" => () => mutex.RunAsync(_ => { queueState += 100; return ValueTask.CompletedTask; }, s_short).AsTask(),
            "SemaphoreQueue" => () => semaphore.RunAsync(_ => { queueState += 100; return ValueTask.CompletedTask; }, s_short).AsTask(),
            "RwQueue write" => () => rwQueue.WriteAsync(_ => ValueTask.FromResult(queueState += 100), s_short).AsTask(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Func<string?> busy = name switch
        {
            "Actor" => () => LockInspector.Busy(LockInspector.QueueOf<MutexQueue>(actor)),
            "RwModel write" or "RwModel read" => () => LockInspector.Busy(LockInspector.QueueOf<RwQueue>(rwModel)),
            "PCModel n=1" or "PCModel n=2" => () => LockInspector.Busy(LockInspector.QueueOf<SemaphoreQueue>(pcModel)),
            "MutexQueue" => () => LockInspector.Busy(mutex),
            "SemaphoreQueue" => () => LockInspector.Busy(semaphore),
            "RwQueue write" => () => LockInspector.Busy(rwQueue),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Func<Task<int>> state = name switch
        {
            "Actor" => () => actor.InnerCallAsync(s => ValueTask.FromResult(s.Value)).AsTask(),
            "RwModel write" or "RwModel read" => () => rwModel.CallAsync(s => ValueTask.FromResult(s.Value)).AsTask(),
            "PCModel n=1" or "PCModel n=2" => () => pcModel.CallAsync(s => ValueTask.FromResult(Volatile.Read(ref s.Value[0]))).AsTask(),
            "MutexQueue" => () => mutex.RunAsync(_ => ValueTask.FromResult(queueState)).AsTask(),
            "SemaphoreQueue" => () => semaphore.RunAsync(_ => ValueTask.FromResult(queueState)).AsTask(),
            "RwQueue write" => () => rwQueue.ReadAsync(_ => ValueTask.FromResult(queueState)).AsTask(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var exception = await Assert.ThrowsAsync<TimeoutException>(stuckCall);
        Assert.Contains(s_deadline.ToString(), exception.Message);
        CancellationToken token = await tokenSeen.Task;
        Assert.True(token.IsCancellationRequested, "the deadline must cancel the operation's token");

        // Still running, so still locked.
        Assert.NotNull(busy());
        if (name == "PCModel n=2")
        {
            await other();
        }
        else
        {
            await Assert.ThrowsAsync<TimeoutException>(other);
        }

        if (name == "RwModel read")
        {
            // Reads still share with the stuck read.
            Assert.Equal(0, await rwModel.CallAsync(s => ValueTask.FromResult(s.Value), s_short));
        }

        release.SetResult();
        Assert.True(SpinWait.SpinUntil(() => busy() is null, TimeSpan.FromSeconds(5)), $"still locked after the operation returned: {busy()}");

        // The late write applied (the operation ignored its token); the timed-out "other" call never ran.
        int expected = name switch
        {
            "RwModel read" => 0,
            "PCModel n=2" => 101,
            _ => 1,
        };
        Assert.Equal(expected, await state());
    }
}
