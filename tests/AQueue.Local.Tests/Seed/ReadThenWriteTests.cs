using System.Diagnostics;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's <c>test_rw_model</c> (tests/test_rw.rs): 30 tasks, started 1 ms apart, each read for 1 s and
/// then write. The reads overlap, so the whole takes about 1 s, not 30. In the serial collection: it
/// measures wall time.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ReadThenWriteTests
{
    private const int Tasks = 30;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Thirty_one_second_reads_overlap(bool model)
    {
        var probe = new ConcurrencyProbe();
        var foo = new Foo();
        var rwModel = new RwModel<Foo>(foo);
        var rwQueue = new RwQueue();

        async Task GetThenSet(int i)
        {
            Func<Foo, ValueTask<int>> get = async f =>
            {
                probe.Enter(i);
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                probe.Exit(i);
                return f.I;
            };
            Func<Foo, ValueTask> set = f =>
            {
                probe.Enter(100 + i, exclusive: true);
                f.I = i;
                probe.Exit(100 + i, exclusive: true);
                return ValueTask.CompletedTask;
            };

            if (model)
            {
                await rwModel.CallAsync(s => get(s.Value));
                await rwModel.CallMutAsync(s => set(s.Value));
            }
            else
            {
                await rwQueue.ReadAsync(_ => get(foo));
                await rwQueue.WriteAsync(async _ => { await set(foo); return 0; });
            }
        }

        var watch = Stopwatch.StartNew();
        var tasks = new List<Task>();
        for (int i = 0; i < Tasks; i++)
        {
            await Task.Delay(1); // the seed's schedule: tasks started 1 ms apart
            int x = i;
            tasks.Add(Task.Run(() => GetThenSet(x)));
        }

        await Task.WhenAll(tasks);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: the reads did not overlap");
        Assert.True(probe.MaxConcurrent > 1, "no two reads ever ran together");
        Assert.Equal(0, probe.ExclusivityViolations);
        Assert.InRange(foo.I, 0, Tasks - 1);
    }

    /// <summary>The seed's <c>Foo</c>.</summary>
    public sealed class Foo
    {
        public int I;
    }
}
