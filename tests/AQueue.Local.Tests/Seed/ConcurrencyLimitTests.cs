using System.Diagnostics;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's tests/test_semaphore.rs: 10 tasks through a limit of 5, each holding 1 s, started together and
/// then 100 ms apart. Each batch takes 2–3 s (two waves), and the closures running at once never pass 5.
/// In the serial collection: the bound on wall time needs the machine to itself.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ConcurrencyLimitTests
{
    private const int Tasks = 10;
    private const int Limit = 5;

    public static TheoryData<string, bool> Cases => new()
    {
        { "PCModel", false },
        { "PCModel", true },
        { "SemaphoreQueue", false },
        { "SemaphoreQueue", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ten_tasks_holding_one_second_through_a_limit_of_five(string kind, bool staggered)
    {
        var probe = new ConcurrencyProbe();
        var model = new PCModel<string>("foo", Limit);
        var queue = new SemaphoreQueue(Limit);

        async Task<int> Run(int x)
        {
            Func<ValueTask<int>> hold = async () =>
            {
                probe.Enter(x);
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                probe.Exit(x);
                return x;
            };
            return kind == "PCModel" ? await model.CallAsync(_ => hold()) : await queue.RunAsync(_ => hold());
        }

        var watch = Stopwatch.StartNew();
        var tasks = new List<Task<int>>();
        for (int i = 0; i < Tasks; i++)
        {
            if (staggered)
            {
                await Task.Delay(100);
            }

            int x = i;
            tasks.Add(Task.Run(() => Run(x)));
        }

        Assert.Equal(Enumerable.Range(0, Tasks), await Task.WhenAll(tasks));
        watch.Stop();

        Assert.Equal(Limit, probe.MaxConcurrent);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.95) && watch.Elapsed < TimeSpan.FromSeconds(3), $"the batch took {watch.Elapsed}");
        if (staggered)
        {
            // Arrivals 100 ms apart are served in that order.
            Assert.Equal(Enumerable.Range(0, Tasks), probe.StartOrder);
        }
    }
}
