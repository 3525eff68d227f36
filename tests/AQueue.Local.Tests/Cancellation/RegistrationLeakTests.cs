using System.Runtime.CompilerServices;
using AQueue.Local.Internal.Locks;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Cancellation;

/// <summary>
/// No token registration and no waiter outlives its call, whether granted, cancelled or timed out, even when
/// one long-lived <see cref="CancellationTokenSource"/> serves 100,000 calls (the runtime's Channels and
/// SemaphoreSlim tests check exactly this).
/// </summary>
/// <remarks>
/// <para>How a leak is caught: a waiter registers on the caller's token with the state (lock, waiter). A
/// registration that is not disposed stays in the long-lived source's list, and through that state keeps
/// the lock object reachable. So each lock is made and used inside a helper that returns only a
/// <see cref="WeakReference"/> to it; with the source still alive, a full GC must collect the lock. A single
/// leaked registration out of 100,000 keeps it alive and fails the test; no memory figure is involved, so
/// other tests running beside it cannot blur the result.</para>
/// <para>The locks are internal (every model and queue is built on <see cref="PermitLock"/> or
/// <see cref="RwLock"/>); the public surface is covered by the deadline test at the end, which catches a
/// per-call linked source left registered on the caller's token.</para>
/// </remarks>
public sealed class RegistrationLeakTests
{
    private const int Batches = 1_000;
    private const int BatchSize = 100;

    [Fact]
    public async Task PermitLock_granted_async_waiters_leave_no_registration_on_a_long_lived_token()
    {
        using var longLived = new CancellationTokenSource();
        WeakReference lockRef = await UsePermitLockAsync(longLived.Token);
        AssertCollected(lockRef);
        GC.KeepAlive(longLived);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RwLock_granted_async_waiters_leave_no_registration_on_a_long_lived_token(bool reads)
    {
        using var longLived = new CancellationTokenSource();
        WeakReference lockRef = await UseRwLockAsync(reads ? WaiterKind.Read : WaiterKind.Write, longLived.Token);
        AssertCollected(lockRef);
        GC.KeepAlive(longLived);
    }

    [Fact]
    public async Task Granted_and_timed_out_blocking_waiters_leave_no_registration_on_a_long_lived_token()
    {
        using var longLived = new CancellationTokenSource();
        WeakReference permitRef = await Task.Run(() => UseBlockingPermitLock(longLived.Token));
        WeakReference rwRef = await Task.Run(() => UseBlockingRwLock(longLived.Token));
        AssertCollected(permitRef);
        AssertCollected(rwRef);
        GC.KeepAlive(longLived);
    }

    [Fact]
    public async Task Cancelled_waiters_leave_no_registration_on_other_long_lived_tokens()
    {
        // Each waiter is cancelled by its own source; a second, long-lived token is linked into none of them,
        // so this checks the waiter list and the cancelled path: the lock must still be collectable.
        using var longLived = new CancellationTokenSource();
        WeakReference lockRef = await UsePermitLockWithCancellationsAsync(longLived.Token);
        AssertCollected(lockRef);
        GC.KeepAlive(longLived);
    }

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Timed_calls_leave_nothing_registered_on_the_callers_long_lived_token(string name)
    {
        // A timed call links a per-call source to the caller's token. If that source were not disposed when the
        // call ends, it would stay registered on the caller's token, and cancelling the caller's source later
        // would cancel every old call's token. Each closure registers on its own token (deliberately never
        // disposed) to see exactly that.
        Subject subject = Subjects.Create(name);
        using var longLived = new CancellationTokenSource();
        int fired = 0;
        Func<CancellationToken, ValueTask<int>> body = token =>
        {
            token.Register(() => Interlocked.Increment(ref fired));
            return new ValueTask<int>(0);
        };
        TimeSpan generous = TimeSpan.FromMinutes(5);

        for (int i = 0; i < 1_000; i++)
        {
            // Uncontended.
            await subject.RunTimed(body, generous, longLived.Token);
        }

        for (int i = 0; i < 100; i++)
        {
            // Contended: granted from the queue.
            Hold hold = await subject.HoldAsync();
            Task<int> queued = subject.RunTimed(body, generous, longLived.Token).AsTask();
            await hold.ReleaseAsync();
            await queued;
        }

        // Handed off: the caller is answered at the deadline while the closure runs on.
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Assert.ThrowsAsync<TimeoutException>(async () => await subject.RunTimed(
            async token =>
            {
                await finish.Task.ConfigureAwait(false);
                return 0;
            },
            TimeSpan.FromMilliseconds(20),
            longLived.Token));
        finish.SetResult();
        await subject.RunExclusive(_ => new ValueTask<int>(0), CancellationToken.None);

        Assert.Equal(0, Volatile.Read(ref fired));
        longLived.Cancel();
        Assert.Equal(0, Volatile.Read(ref fired));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> UsePermitLockAsync(CancellationToken token)
    {
        var permits = new PermitLock(1);
        var waits = new ValueTask[BatchSize];
        for (int batch = 0; batch < Batches; batch++)
        {
            Assert.True(permits.TryEnter());
            for (int i = 0; i < BatchSize; i++)
            {
                waits[i] = permits.EnterAsync(token);
            }

            Assert.Equal(BatchSize, permits.WaitingCount);
            permits.Exit();
            for (int i = 0; i < BatchSize; i++)
            {
                await waits[i];
                permits.Exit();
            }
        }

        Assert.Equal(0, permits.WaitingCount);
        Assert.Equal(1, permits.CurrentCount);
        return new WeakReference(permits);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> UseRwLockAsync(WaiterKind kind, CancellationToken token)
    {
        var rw = new RwLock();
        var waits = new ValueTask[BatchSize];
        for (int batch = 0; batch < Batches; batch++)
        {
            Assert.True(rw.TryEnterWrite());
            for (int i = 0; i < BatchSize; i++)
            {
                waits[i] = rw.EnterAsync(kind, token);
            }

            Assert.Equal(BatchSize, rw.WaitingCount);
            rw.ExitWrite();
            for (int i = 0; i < BatchSize; i++)
            {
                await waits[i];
                if (kind == WaiterKind.Read)
                {
                    rw.ExitRead();
                }
                else
                {
                    rw.ExitWrite();
                }
            }
        }

        Assert.Equal(0, rw.WaitingCount);
        Assert.False(rw.IsWriteHeld);
        return new WeakReference(rw);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> UsePermitLockWithCancellationsAsync(CancellationToken unrelated)
    {
        var permits = new PermitLock(1);
        Assert.True(permits.TryEnter());
        var waits = new List<Task>();
        for (int i = 0; i < BatchSize * 10; i++)
        {
            using var own = new CancellationTokenSource();
            waits.Add(permits.EnterAsync(own.Token).AsTask());
            own.Cancel();
        }

        // A granted one with the unrelated long-lived token, for good measure.
        Task granted = permits.EnterAsync(unrelated).AsTask();
        Assert.Equal(1, permits.WaitingCount);
        permits.Exit();
        await granted;
        permits.Exit();
        foreach (Task wait in waits)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        }

        Assert.Equal(0, permits.WaitingCount);
        return new WeakReference(permits);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference UseBlockingPermitLock(CancellationToken token)
    {
        var permits = new PermitLock(1);
        RunBlockingRounds(
            permits.TryEnter,
            permits.Exit,
            () => permits.WaitingCount,
            timeout => permits.Enter(timeout, token));
        return new WeakReference(permits);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference UseBlockingRwLock(CancellationToken token)
    {
        var rw = new RwLock();
        RunBlockingRounds(
            rw.TryEnterWrite,
            rw.ExitWrite,
            () => rw.WaitingCount,
            timeout => rw.Enter(WaiterKind.Write, timeout, token));
        return new WeakReference(rw);
    }

    /// <summary>
    /// In lockstep with a plain thread: this thread holds the lock, lets the other one queue (blocked and
    /// registered), then lets it in; then a few rounds where the other times out while queued.
    /// </summary>
    private static void RunBlockingRounds(Func<bool> tryEnter, Action exit, Func<int> waiting, Func<int, bool> enter)
    {
        const int Granted = 200;
        const int TimedOut = 20;
        using var go = new SemaphoreSlim(0);
        using var done = new SemaphoreSlim(0);
        Exception? failure = null;
        var other = new Thread(() =>
        {
            try
            {
                for (int i = 0; i < Granted + TimedOut; i++)
                {
                    go.Wait();
                    if (i < Granted)
                    {
                        Assert.True(enter(Timeout.Infinite));
                        exit();
                    }
                    else
                    {
                        Assert.False(enter(5));
                    }

                    done.Release();
                }
            }
            catch (Exception ex)
            {
                failure = ex;
                done.Release(Granted + TimedOut);
            }
        });
        other.Start();

        for (int i = 0; i < Granted + TimedOut; i++)
        {
            Assert.True(tryEnter());
            go.Release();
            if (i < Granted)
            {
                SpinWait.SpinUntil(() => waiting() == 1 || failure is not null);
                exit();
                done.Wait();
            }
            else
            {
                done.Wait();
                exit();
            }
        }

        Assert.True(other.Join(TimeSpan.FromSeconds(30)));
        Assert.Null(failure);
        Assert.Equal(0, waiting());
    }

    private static void AssertCollected(WeakReference reference)
    {
        // A pool thread may still be unwinding from the last completion, with a waiter on its stack for a moment;
        // so collect a few times, a few ms apart. A leaked registration keeps the lock reachable for good.
        for (int i = 0; i < 20 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (reference.IsAlive)
            {
                Thread.Sleep(10);
            }
        }

        Assert.False(reference.IsAlive, "The lock is still reachable: a token registration (or a waiter holding it) outlived its call.");
    }
}
