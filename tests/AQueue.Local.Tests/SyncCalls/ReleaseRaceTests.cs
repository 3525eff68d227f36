using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.SyncCalls;

/// <summary>
/// Hammers the hand-over between a lock's compare-and-swap fast paths and its monitor slow paths: blocking
/// readers with empty closures exit at once when a write lets them in, while others enter and leave on the
/// fast path; permits are released by several holders at once while the queue empties. A lost update in
/// the lock's state shows up as a <see cref="SynchronizationLockException"/>, an overlap, or a wrong count.
/// </summary>
/// <remarks>
/// This is how a real race was found (fixed in RwLock and PermitLock): an exit that saw the waiters flag went to
/// the monitor, but the queue could empty before it got there; with the flag clear the fast paths ran beside
/// it, and its plain write of the state undid a concurrent compare-and-swap. Being timing-dependent, these
/// hammers caught it in about one run in five; <see cref="StaleSlowPathTests"/> sets the interleaving up on
/// purpose and catches it every time.
/// </remarks>
public sealed class ReleaseRaceTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Blocking_readers_released_by_writes_never_corrupt_the_reader_count()
    {
        var queue = new RwQueue();
        var failures = new List<Exception>();
        // The hammer runs at least Duration and until both sides have done real work (counts, not a time: on a loaded
        // machine the writer's pool thread may not run for seconds beside 16 busy threads; seen in CI: no write in 2 s),
        // at most a generous limit.
        using var stop = new CancellationTokenSource(Duration + TimeSpan.FromSeconds(30));
        var hammered = System.Diagnostics.Stopwatch.StartNew();
        const int EnoughEach = 100;
        int reads = 0, writes = 0, writing = 0, overlaps = 0;

        // Empty closures, and no probe lock in them: the readers a write lets in should leave at once, together.
        Thread[] readers = [.. Enumerable.Range(0, 16).Select(_ => new Thread(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    queue.Read(() =>
                    {
                        if (Volatile.Read(ref writing) != 0)
                        {
                            Interlocked.Increment(ref overlaps);
                        }

                        return Interlocked.Increment(ref reads);
                    });
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }
            }
        }))];
        foreach (Thread thread in readers)
        {
            thread.Start();
        }

        Task writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await queue.WriteAsync(_ =>
                {
                    if (Interlocked.Exchange(ref writing, 1) != 0 || queue.CurrentReaderCount != 0)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    Volatile.Write(ref writing, 0);
                    return new ValueTask<int>(Interlocked.Increment(ref writes));
                });
                if (hammered.Elapsed >= Duration && Volatile.Read(ref writes) >= EnoughEach && Volatile.Read(ref reads) >= EnoughEach)
                {
                    await stop.CancelAsync();
                }
            }
        });

        await writer.WaitAsync(Duration + TimeSpan.FromSeconds(60));
        foreach (Thread thread in readers)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "a blocking reader never finished");
        }

        Assert.Empty(failures);
        Assert.Equal(0, overlaps);
        Assert.Equal(0, queue.CurrentReaderCount);
        Assert.False(queue.IsWriteHeld);
        Assert.Equal(0, queue.WaitingCount);
        // Nothing is left held: a write goes straight in.
        Assert.True(queue.WriteAsync(_ => new ValueTask<int>(0)).IsCompletedSuccessfully);
        Assert.True(reads >= EnoughEach && writes >= EnoughEach, $"{reads} reads and {writes} writes in {hammered.Elapsed}: the hammer did not hammer");
    }

    [Fact]
    public async Task Permits_released_together_while_the_queue_empties_are_never_lost_or_doubled()
    {
        const int Permits = 3;
        var queue = new SemaphoreQueue(Permits);
        var probe = new ConcurrencyProbe();
        using var stop = new CancellationTokenSource(Duration);

        Task[] callers = [.. Enumerable.Range(0, 8).Select(id => Task.Run(async () =>
        {
            long round = 0;
            while (!stop.IsCancellationRequested)
            {
                round++;
                using var cancel = new CancellationTokenSource();
                ValueTask call = queue.RunAsync(
                    _ =>
                    {
                        probe.Enter(id);
                        probe.Exit(id);
                        return ValueTask.CompletedTask;
                    },
                    cancel.Token);
                if (round % 7 == 0)
                {
                    // Now and then a queued caller leaves, emptying the queue from the side.
                    cancel.Cancel();
                }

                try
                {
                    await call;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }))];

        Task all = Task.WhenAll(callers);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(Duration + TimeSpan.FromSeconds(30))));
        await all;

        Assert.True(probe.MaxConcurrent <= Permits, $"{probe.MaxConcurrent} closures ran at once through {Permits} permits");
        Assert.Equal(Permits, queue.CurrentCount);
        Assert.Equal(0, queue.WaitingCount);
    }
}
