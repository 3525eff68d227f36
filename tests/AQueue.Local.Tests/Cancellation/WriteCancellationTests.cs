using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Cancellation;

/// <summary>
/// A cancelled waiting write lets in the reads queued behind it at once, but only when no other write runs
/// or waits ahead of them (the bug Nito.AsyncEx, VS.Threading and ReaderWriterLockSlim once had). Run on the
/// raw <see cref="RwQueue"/> and on <see cref="RwModel{T}"/>: the subject's Run is a read, its RunExclusive
/// a write.
/// </summary>
public sealed class WriteCancellationTests
{
    [Theory]
    [InlineData(Subjects.RwQueueRead)]
    [InlineData(Subjects.RwModelRead)]
    public async Task Cancelled_waiting_write_lets_in_the_reads_behind_it_at_once(string name)
    {
        var rw = new ReadWriteScript(Subjects.Create(name));
        Task r0 = rw.Read(0);
        await rw.UntilRunning(0);
        using var cts = new CancellationTokenSource();
        Task w = rw.Write(10, cts.Token);
        Task r1 = rw.Read(1);
        Task r2 = rw.Read(2);
        Assert.Equal(3, rw.Subject.WaitingCount());
        await rw.UntilLock(holders: 1, waiting: 3, writeWaiting: true);
        Assert.Equal(new[] { 0 }, rw.Probe.StartOrder);

        cts.Cancel();
        Assert.Equal(0, rw.Subject.WaitingCount());
        // The reads join the read that still runs: three at once, without anyone leaving.
        await Poll.UntilAsync(() => rw.Probe.Running == 3, "the reads behind the cancelled write start beside the running read");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w);

        rw.Finish(0, 1, 2);
        await Task.WhenAll(r0, r1, r2);
        Assert.False(rw.Probe.Started(10));
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
    }

    [Theory]
    [InlineData(Subjects.RwQueueRead)]
    [InlineData(Subjects.RwModelRead)]
    public async Task Cancelled_waiting_write_does_not_let_reads_in_while_another_write_holds(string name)
    {
        var rw = new ReadWriteScript(Subjects.Create(name));
        Task w0 = rw.Write(10);
        await rw.UntilRunning(10);
        using var cts = new CancellationTokenSource();
        Task w1 = rw.Write(11, cts.Token);
        Task r1 = rw.Read(1);
        Task r2 = rw.Read(2);

        cts.Cancel();
        Assert.Equal(2, rw.Subject.WaitingCount());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w1);
        await rw.UntilLock(holders: 1, waiting: 2, writeHeld: true);
        Assert.Equal(new[] { 10 }, rw.Probe.StartOrder);

        rw.Finish(10);
        await w0;
        await rw.UntilRunning(1, 2);
        rw.Finish(1, 2);
        await Task.WhenAll(r1, r2);
        Assert.False(rw.Probe.Started(11));
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
    }

    [Theory]
    [InlineData(Subjects.RwQueueRead)]
    [InlineData(Subjects.RwModelRead)]
    public async Task Cancelled_waiting_write_does_not_let_reads_in_while_another_write_waits_ahead(string name)
    {
        var rw = new ReadWriteScript(Subjects.Create(name));
        Task r0 = rw.Read(0);
        await rw.UntilRunning(0);
        Task w1 = rw.Write(11);
        using var cts = new CancellationTokenSource();
        Task w2 = rw.Write(12, cts.Token);
        Task r1 = rw.Read(1);
        Task r2 = rw.Read(2);

        cts.Cancel();
        Assert.Equal(3, rw.Subject.WaitingCount());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w2);
        await rw.UntilLock(holders: 1, waiting: 3, writeWaiting: true);
        Assert.Equal(new[] { 0 }, rw.Probe.StartOrder);

        rw.Finish(0);
        await r0;
        await rw.UntilRunning(11);
        await rw.UntilLock(holders: 1, waiting: 2, writeHeld: true);
        Assert.Equal(new[] { 0, 11 }, rw.Probe.StartOrder);
        rw.Finish(11);
        await w1;
        await rw.UntilRunning(1, 2);
        rw.Finish(1, 2);
        await Task.WhenAll(r1, r2);
        Assert.False(rw.Probe.Started(12));
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
    }

    [Theory]
    [InlineData(Subjects.RwQueueRead)]
    [InlineData(Subjects.RwModelRead)]
    public async Task Cancelled_write_lets_in_only_the_reads_up_to_the_next_waiting_write(string name)
    {
        var rw = new ReadWriteScript(Subjects.Create(name));
        Task r0 = rw.Read(0);
        await rw.UntilRunning(0);
        using var cts = new CancellationTokenSource();
        Task w1 = rw.Write(11, cts.Token);
        Task r1 = rw.Read(1);
        Task w2 = rw.Write(12);
        Task r2 = rw.Read(2);

        cts.Cancel();
        await rw.UntilRunning(0, 1);
        await rw.UntilLock(holders: 2, waiting: 2, writeWaiting: true);
        Assert.Equal(2, rw.Subject.WaitingCount());
        Assert.False(rw.Probe.Started(2));

        rw.Finish(0, 1);
        await rw.UntilRunning(12);
        rw.Finish(12);
        await rw.UntilRunning(2);
        rw.Finish(2);
        await Task.WhenAll(r0, r1, w2, r2);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w1);
        Assert.Equal(new[] { 0, 1, 12, 2 }, rw.Probe.StartOrder);
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
    }

    [Fact]
    public async Task Timed_out_waiting_write_lets_in_the_reads_behind_it()
    {
        var queue = new RwQueue();
        var probe = new ConcurrencyProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<int, Func<CancellationToken, ValueTask<int>>> read = id => async _ =>
        {
            probe.Enter(id);
            await gate.Task.ConfigureAwait(false);
            probe.Exit(id);
            return id;
        };

        Task<int> r0 = queue.ReadAsync(read(0)).AsTask();
        Task<int> w = queue.WriteAsync(_ => new ValueTask<int>(-1), TimeSpan.FromMilliseconds(100)).AsTask();
        Task<int> r1 = queue.ReadAsync(read(1)).AsTask();
        Assert.Equal(2, queue.WaitingCount);

        await Assert.ThrowsAsync<TimeoutException>(() => w);
        await Poll.UntilAsync(() => probe.Running == 2, "the read behind the timed-out write starts beside the running read");
        Assert.Equal(2, queue.CurrentReaderCount);
        gate.SetResult();
        await Task.WhenAll(r0, r1);
    }
}
