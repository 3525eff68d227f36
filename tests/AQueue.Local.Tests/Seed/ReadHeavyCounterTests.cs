using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed README's read-heavy counter ("suitable for situations with more reading and less writing"):
/// many readers and one writer on one counter. Reads share the lock and overlap; each write keeps two
/// fields equal across an await, so a read beside a write would see them differ; every reader sees the
/// counter only go up; the final value is exact.
/// </summary>
public sealed class ReadHeavyCounterTests
{
    private const int Writes = 2_000;
    private const int AsyncReaders = 6;
    private const int BlockingReaders = 2;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Many_readers_one_writer_exact_final_value(bool model)
    {
        var counter = new Counter();
        var rwModel = new RwModel<Counter>(counter);
        var rwQueue = new RwQueue();
        var probe = new ConcurrencyProbe();
        int torn = 0, backwards = 0;
        long reads = 0;
        using var writerDone = new CancellationTokenSource();
        // The writer starts once the readers are reading (a count of reads, not a time): on a loaded machine it could
        // otherwise finish all its writes before a reader is scheduled (seen in CI: 1 read for 2,000 writes).
        var readersReading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        long ReadOnce(int id, Counter c, ref long last)
        {
            probe.Enter(id);
            long value = c.Value;
            if (c.Shadow != value)
            {
                Interlocked.Increment(ref torn);
            }

            if (value < last)
            {
                Interlocked.Increment(ref backwards);
            }

            last = value;
            if (Interlocked.Increment(ref reads) == AsyncReaders + BlockingReaders)
            {
                readersReading.TrySetResult();
            }

            probe.Exit(id);
            return value;
        }

        // First the readers meet: each one's first read waits inside its closure until all are inside, which
        // only shared reads can do. (Before the writer starts: a waiting write would hold the latecomers back.)
        int inside = 0;
        var allInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async ValueTask<int> Meet(int id)
        {
            probe.Enter(id);
            if (Interlocked.Increment(ref inside) == AsyncReaders)
            {
                allInside.SetResult();
            }

            await allInside.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            probe.Exit(id);
            return 0;
        }

        await Task.WhenAll(Enumerable.Range(0, AsyncReaders).Select(id => Task.Run(async () =>
        {
            _ = model
                ? await rwModel.CallAsync(_ => Meet(id))
                : await rwQueue.ReadAsync(_ => Meet(id));
        })));
        Assert.Equal(AsyncReaders, probe.MaxConcurrent);

        Task writer = Task.Run(async () =>
        {
            await readersReading.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            for (int i = 0; i < Writes; i++)
            {
                Func<Counter, ValueTask> write = async c =>
                {
                    probe.Enter(-1, exclusive: true);
                    c.Value++;
                    await Task.Yield();
                    c.Shadow++;
                    probe.Exit(-1, exclusive: true);
                };
                if (model)
                {
                    await rwModel.CallMutAsync(s => write(s.Value));
                }
                else
                {
                    await rwQueue.WriteAsync(async _ => { await write(counter); return 0; });
                }
            }

            writerDone.Cancel();
        });

        Task[] asyncReaders = [.. Enumerable.Range(0, AsyncReaders).Select(id => Task.Run(async () =>
        {
            long last = 0;
            while (!writerDone.IsCancellationRequested)
            {
                if (model)
                {
                    await rwModel.CallAsync(async s =>
                    {
                        await Task.Yield(); // stay a while, so that reads overlap
                        return ReadOnce(id, s.Value, ref last);
                    });
                }
                else
                {
                    await rwQueue.ReadAsync(async _ =>
                    {
                        await Task.Yield();
                        return ReadOnce(id, counter, ref last);
                    });
                }
            }
        }))];

        Thread[] blockingReaders = [.. Enumerable.Range(AsyncReaders, BlockingReaders).Select(id => new Thread(() =>
        {
            long last = 0;
            while (!writerDone.IsCancellationRequested)
            {
                _ = model ? rwModel.Call(s => ReadOnce(id, s.Value, ref last)) : rwQueue.Read(() => ReadOnce(id, counter, ref last));
            }
        }))];
        foreach (Thread thread in blockingReaders)
        {
            thread.Start();
        }

        await writer;
        await Task.WhenAll(asyncReaders);
        foreach (Thread thread in blockingReaders)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(Writes, counter.Value);
        Assert.Equal(Writes, counter.Shadow);
        Assert.Equal(0, torn);
        Assert.Equal(0, backwards);
        Assert.Equal(0, probe.ExclusivityViolations);
        Assert.True(reads > Writes, $"{reads} reads for {Writes} writes: not read-heavy");
    }

    /// <summary>The counter, and a shadow that every write brings level with it.</summary>
    public sealed class Counter
    {
        public long Value;
        public long Shadow;
    }
}
