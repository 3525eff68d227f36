using System.Reflection;
using AQueue.Local.Internal.Locks;
using Xunit;

namespace AQueue.Local.Tests.SyncCalls;

/// <summary>
/// Sets up, on the internal locks, the interleaving behind a race that <see cref="ReleaseRaceTests"/> only hits
/// now and then: a holder's exit sees the waiters flag and goes to the lock's monitor, but before it gets there
/// the queue empties (here: the last waiter is cancelled) and the flag is cleared. From then on the
/// compare-and-swap fast paths run beside the monitor; an exit that still wrote the state plainly would undo
/// a concurrent one. A second thread keeps the fast path busy while the stale exit runs, and the counts are
/// checked after every round.
/// </summary>
/// <remarks>
/// The test holds the lock's private monitor (found by reflection: the field <c>_sync</c>) to park the exit at
/// the right moment; that ties it to the locks' internals, on purpose.
/// </remarks>
public sealed class StaleSlowPathTests
{
    private const int Rounds = 60;

    [Fact]
    public void RwLock_read_exit_racing_an_emptied_queue_keeps_the_reader_count()
    {
        var rw = new RwLock();
        Lock monitor = MonitorOf(rw);
        for (int round = 0; round < Rounds; round++)
        {
            Assert.True(rw.TryEnterRead());
            using var cts = new CancellationTokenSource();
            ValueTask write = rw.EnterAsync(WaiterKind.Write, cts.Token);
            Assert.Equal(1, rw.WaitingCount);

            RunRound(
                monitor,
                staleExit: rw.ExitRead,
                emptyQueue: cts.Cancel,
                fastPath: () =>
                {
                    if (rw.TryEnterRead())
                    {
                        rw.ExitRead();
                    }
                });

            Assert.True(write.IsCanceled);
            Assert.Equal(0, rw.CurrentReaderCount);
            Assert.True(rw.TryEnterWrite(), $"round {round}: the lock is not free after every reader left");
            rw.ExitWrite();
        }
    }

    [Fact]
    public void PermitLock_exit_racing_an_emptied_queue_keeps_the_permit_count()
    {
        var permits = new PermitLock(2);
        Lock monitor = MonitorOf(permits);
        for (int round = 0; round < Rounds; round++)
        {
            Assert.True(permits.TryEnter());
            Assert.True(permits.TryEnter());
            using var cts = new CancellationTokenSource();
            ValueTask waiter = permits.EnterAsync(cts.Token);
            Assert.Equal(1, permits.WaitingCount);

            RunRound(
                monitor,
                staleExit: permits.Exit,
                emptyQueue: () =>
                {
                    cts.Cancel();
                    // One permit comes back on the fast path: the hammer below can take and return it.
                    permits.Exit();
                },
                fastPath: () =>
                {
                    if (permits.TryEnter())
                    {
                        permits.Exit();
                    }
                });

            Assert.True(waiter.IsCanceled);
            Assert.Equal(2, permits.CurrentCount);
            Assert.True(permits.TryEnter() && permits.TryEnter(), $"round {round}: permits were lost");
            Assert.False(permits.TryEnter(), $"round {round}: a permit was made up");
            permits.Exit();
            permits.Exit();
        }
    }

    /// <summary>
    /// Parks <paramref name="staleExit"/> on the monitor after it has seen the waiters flag, empties the queue
    /// from under it, then lets it go while another thread runs <paramref name="fastPath"/> in a loop.
    /// </summary>
    private static void RunRound(Lock monitor, Action staleExit, Action emptyQueue, Action fastPath)
    {
        Exception? failure = null;
        void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                failure ??= ex;
            }
        }

        monitor.Enter();
        var exiting = new Thread(() => Guard(staleExit));
        exiting.Start();
        // The exit has read the flag and waits for the monitor.
        Assert.True(SpinWait.SpinUntil(() => (exiting.ThreadState & ThreadState.WaitSleepJoin) != 0, TimeSpan.FromSeconds(10)));
        emptyQueue(); // the monitor is re-entrant: this runs the cancellation (and any grant) right here

        using var stop = new ManualResetEventSlim();
        using var hammering = new ManualResetEventSlim();
        var hammer = new Thread(() => Guard(() =>
        {
            hammering.Set();
            while (!stop.IsSet)
            {
                fastPath();
            }
        }));
        hammer.Start();
        hammering.Wait();
        monitor.Exit();

        Assert.True(exiting.Join(TimeSpan.FromSeconds(10)));
        Thread.Sleep(1); // let the hammer run on a little past the exit
        stop.Set();
        Assert.True(hammer.Join(TimeSpan.FromSeconds(10)));
        Assert.Null(failure);
    }

    private static Lock MonitorOf(object lockObject) =>
        (Lock)(lockObject.GetType().GetField("_sync", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(lockObject)
            ?? throw new InvalidOperationException($"{lockObject.GetType().Name} has no _sync monitor any more; update this test."));
}
