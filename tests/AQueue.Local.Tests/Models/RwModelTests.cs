using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Models;

/// <summary><see cref="RwModel{T}"/>: shared reads, exclusive writes, write preference; async and blocking calls.</summary>
public sealed class RwModelTests
{
    [Fact]
    public async Task Every_overload_reads_or_writes_the_value()
    {
        var model = new RwModel<int>(0);
        using var cts = new CancellationTokenSource();
        TimeSpan timeout = TimeSpan.FromSeconds(30);

        Assert.Equal(1, await model.CallMutAsync(s => new ValueTask<int>(++s.Value), cts.Token));
        Assert.Equal(2, await model.CallMutAsync((s, token) => new ValueTask<int>(token == cts.Token ? ++s.Value : -1), cts.Token));
        await model.CallMutAsync(s => { s.Value++; return ValueTask.CompletedTask; }, cts.Token);
        await model.CallMutAsync((s, _) => { s.Value++; return ValueTask.CompletedTask; }, cts.Token);
        Assert.Equal(5, await model.CallMutAsync(s => new ValueTask<int>(++s.Value), timeout, cts.Token));
        Assert.Equal(6, await model.CallMutAsync((s, token) => new ValueTask<int>(token.CanBeCanceled ? ++s.Value : -1), timeout));
        await model.CallMutAsync(s => { s.Value++; return ValueTask.CompletedTask; }, timeout);
        await model.CallMutAsync((s, _) => { s.Value++; return ValueTask.CompletedTask; }, timeout);
        Assert.Equal(9, await model.CallMutAsync(new DelegateWriteOperation<int, int>((s, _) => new ValueTask<int>(++s.Value))));
        Assert.Equal(10, await model.CallMutAsync(new DelegateWriteOperation<int, int>((s, _) => new ValueTask<int>(++s.Value)), timeout));
        Assert.Equal(11, model.CallMut(s => ++s.Value));
        model.CallMut(s => { s.Value++; });
        Assert.Equal(13, model.CallMut(s => ++s.Value, timeout));
        model.CallMut(s => { s.Value++; }, timeout, cts.Token);

        Assert.Equal(14, await model.CallAsync(s => new ValueTask<int>(s.Value), cts.Token));
        Assert.Equal(14, await model.CallAsync((s, token) => new ValueTask<int>(token == cts.Token ? s.Value : -1), cts.Token));
        Assert.Equal(14, await model.CallAsync(s => new ValueTask<int>(s.Value), timeout));
        Assert.Equal(14, await model.CallAsync((s, token) => new ValueTask<int>(token.CanBeCanceled ? s.Value : -1), timeout));
        Assert.Equal(14, await model.CallAsync(new DelegateReadOperation<int, int>((s, _) => new ValueTask<int>(s.Value))));
        Assert.Equal(14, await model.CallAsync(new DelegateReadOperation<int, int>((s, _) => new ValueTask<int>(s.Value)), timeout));
        Assert.Equal(14, model.Call(s => s.Value));
        Assert.Equal(14, model.Call(s => s.Value, timeout, cts.Token));

        Assert.Equal(ModelKind.RwModel, model.Kind);
    }

    [Fact]
    public async Task Reads_run_together()
    {
        var model = new RwModel<int>(7);
        var probe = new ConcurrencyProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = Enumerable.Range(0, 5).Select(i => model.CallAsync(async s =>
        {
            probe.Enter(i);
            await gate.Task.ConfigureAwait(false);
            probe.Exit(i);
            return s.Value;
        }).AsTask()).ToArray();

        await Poll.UntilAsync(() => probe.Running == 5, "five reads run at once");
        Assert.Equal(0, model.WaitingCount);
        gate.SetResult();
        Assert.All(await Task.WhenAll(reads), v => Assert.Equal(7, v));
        Assert.Equal(5, probe.MaxConcurrent);
    }

    [Fact]
    public void Blocking_reads_from_plain_threads_run_together()
    {
        var model = new RwModel<int>(7);
        // Each read waits inside its closure for the other two: only reads that really overlap get past it.
        using var allInside = new Barrier(3);
        var results = new bool[3];
        var threads = Enumerable.Range(0, 3).Select(i => new Thread(() =>
            results[i] = model.Call(_ => allInside.SignalAndWait(TimeSpan.FromSeconds(10))))).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(20)));
        }

        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task Read_arriving_after_a_waiting_write_starts_after_it()
    {
        var rw = new ReadWriteScript(Subjects.Create(Subjects.RwModelRead));
        Task r0 = rw.Read(0);
        await rw.UntilRunning(0);
        Task w = rw.Write(10);
        Task r1 = rw.Read(1);
        await rw.UntilLock(holders: 1, waiting: 2, writeWaiting: true);
        // The write waits for the running read; the later read waits behind the write, though reads share.
        Assert.Equal(new[] { 0 }, rw.Probe.StartOrder);
        Assert.Equal(2, rw.Subject.WaitingCount());

        rw.Finish(0);
        await rw.UntilRunning(10);
        await rw.UntilLock(holders: 1, waiting: 1, writeHeld: true);
        Assert.False(rw.Probe.Started(1));
        rw.Finish(10);
        await rw.UntilRunning(1);
        rw.Finish(1);
        await Task.WhenAll(r0, w, r1);

        Assert.Equal(new[] { 0, 10, 1 }, rw.Probe.StartOrder);
        Assert.Equal(0, rw.Probe.ExclusivityViolations);
    }

    [Fact]
    public async Task Writes_never_overlap_anything_under_a_random_mix()
    {
        var model = new RwModel<(int A, int B)>((0, 0));
        var probe = new ConcurrencyProbe();
        int torn = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (int i = 0; i < 300; i++)
            {
                if (random.Next(4) == 0)
                {
                    await model.CallMutAsync(async s =>
                    {
                        probe.Enter(worker, exclusive: true);
                        s.Value.A++;
                        await Task.Yield();
                        s.Value.B++;
                        probe.Exit(worker, exclusive: true);
                    });
                }
                else
                {
                    await model.CallAsync(async s =>
                    {
                        probe.Enter(worker);
                        int a = s.Value.A;
                        await Task.Yield();
                        if (s.Value.B != a || s.Value.A != a)
                        {
                            Interlocked.Increment(ref torn);
                        }

                        probe.Exit(worker);
                        return 0;
                    });
                }
            }
        })));

        var (a, b) = model.Call(s => s.Value);
        Assert.Equal(a, b);
        Assert.Equal(0, torn);
        Assert.Equal(0, probe.ExclusivityViolations);
        Assert.True(probe.MaxConcurrent > 1, "reads should have overlapped at least once");
    }
}
