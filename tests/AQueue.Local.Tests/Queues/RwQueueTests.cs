using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Queues;

/// <summary><see cref="RwQueue"/>: shared reads, exclusive writes, and a waiting write holds back later reads.</summary>
public sealed class RwQueueTests
{
    [Fact]
    public async Task Reads_run_together_and_a_write_runs_alone()
    {
        var rw = new ReadWriteScript(Subjects.Create(Subjects.RwQueueRead));
        Task[] reads = [rw.Read(0), rw.Read(1), rw.Read(2), rw.Read(3)];
        await rw.UntilRunning(0, 1, 2, 3);
        Assert.Equal(4, rw.Probe.Running);

        Task w = rw.Write(10);
        await rw.UntilLock(holders: 4, waiting: 1, writeWaiting: true);
        Assert.False(rw.Probe.Started(10));
        rw.Finish(0, 1, 2, 3);
        await rw.UntilRunning(10);
        Assert.Equal(1, rw.Probe.Running);
        rw.Finish(10);
        await Task.WhenAll(reads.Append(w));
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
        Assert.Equal(4, rw.Probe.MaxConcurrent);
    }

    [Fact]
    public async Task Read_arriving_after_a_waiting_write_starts_after_it()
    {
        var rw = new ReadWriteScript(Subjects.Create(Subjects.RwQueueRead));
        Task r0 = rw.Read(0);
        await rw.UntilRunning(0);
        Task w = rw.Write(10);
        Task r1 = rw.Read(1);
        Task r2 = rw.Read(2);
        await rw.UntilLock(holders: 1, waiting: 3, writeWaiting: true);
        Assert.Equal(new[] { 0 }, rw.Probe.StartOrder);
        Assert.Equal(3, rw.Subject.WaitingCount());

        rw.Finish(0);
        await rw.UntilRunning(10);
        await rw.UntilLock(holders: 1, waiting: 2, writeHeld: true);
        Assert.Equal(new[] { 0, 10 }, rw.Probe.StartOrder);
        rw.Finish(10);
        await rw.UntilRunning(1, 2);
        rw.Finish(1, 2);
        await Task.WhenAll(r0, w, r1, r2);
        Assert.Equal(new[] { 0, 10 }, rw.Probe.StartOrder.Take(2));
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
    }

    [Fact]
    public async Task Steady_stream_of_reads_does_not_starve_a_write()
    {
        var queue = new RwQueue();
        using var stop = new CancellationTokenSource();
        int readsDone = 0;
        // Four readers keep the queue busy with overlapping reads, without a gap.
        Task[] readers = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await queue.ReadAsync(async _ =>
                {
                    await Task.Delay(1).ConfigureAwait(false);
                    return Interlocked.Increment(ref readsDone);
                });
            }
        }))];
        await Poll.UntilAsync(() => Volatile.Read(ref readsDone) > 20, "the reads are flowing");

        int readsBeforeWrite = Volatile.Read(ref readsDone);
        Task<int> write = queue.WriteAsync(_ => new ValueTask<int>(Volatile.Read(ref readsDone))).AsTask();
        Task finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(5)));
        stop.Cancel();
        await Task.WhenAll(readers);

        // Without write preference the four overlapping readers would keep the write out until they stop.
        Assert.Same(write, finished);
        // Only reads that started before the write queued got ahead of it: a few per reader at most (loose,
        // as the test thread may be preempted between counting and queueing).
        Assert.True(await write - readsBeforeWrite <= 16, $"{await write - readsBeforeWrite} reads overtook the write");
    }

    [Fact]
    public async Task Reader_and_writer_counts_follow_the_closures()
    {
        var queue = new RwQueue();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> r1 = queue.ReadAsync(async _ => { await gate.Task.ConfigureAwait(false); return 1; }).AsTask();
        Task<int> r2 = queue.ReadAsync(async _ => { await gate.Task.ConfigureAwait(false); return 2; }).AsTask();
        Assert.Equal(2, queue.CurrentReaderCount);
        Assert.False(queue.IsWriteHeld);
        gate.SetResult();
        await Task.WhenAll(r1, r2);

        var writeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> w = queue.WriteAsync(async _ => { await writeGate.Task.ConfigureAwait(false); return 3; }).AsTask();
        Assert.True(queue.IsWriteHeld);
        Assert.Equal(0, queue.CurrentReaderCount);
        writeGate.SetResult();
        Assert.Equal(3, await w);
        Assert.False(queue.IsWriteHeld);
    }
}
