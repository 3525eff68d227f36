using System.Diagnostics;
using System.Globalization;
using AQueue.Local;

namespace AQueue.Benchmarks.Headline;

/// <summary>
/// The seed's headline demo, outside BenchmarkDotNet: add 0, 1, ..., N-1 to a counter through a model, first
/// from one task, then from four tasks with a quarter of the range each, and print calls per second and the
/// final value, which must be exactly N(N-1)/2 (4,999,999,950,000,000 for N = 100 million).
/// </summary>
internal static class HeadlineDemo
{
    private const int ParallelTasks = 4;

    public static async Task<int> RunAsync(bool quick)
    {
        long calls = quick ? 10_000_000 : 100_000_000;
        long expected = calls * (calls - 1) / 2;
        Console.WriteLine($"AQueue headline demo: {calls:N0} calls per run, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();

        bool ok = true;
        ok &= await MeasureAsync("nums", "Actor.InnerCallAsync", calls, 1, expected, ActorRun).ConfigureAwait(false);
        ok &= await MeasureAsync("nums", "Actor.InnerCallAsync", calls, ParallelTasks, expected, ActorRun).ConfigureAwait(false);
        ok &= await MeasureAsync("nums_rw", "RwModel.CallMutAsync", calls, 1, expected, RwModelRun).ConfigureAwait(false);
        ok &= await MeasureAsync("nums_rw", "RwModel.CallMutAsync", calls, ParallelTasks, expected, RwModelRun).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine(ok ? "All final values exact." : "A FINAL VALUE IS WRONG.");
        return ok ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string name, string call, long calls, int tasks, long expected, Func<long, int, Task<long>> run)
    {
        // Collect first so one run's garbage is not charged to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        long total = await run(calls, tasks).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        bool exact = total == expected;
        double perSecond = calls / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-8} {call,-21} {tasks} task{(tasks == 1 ? " " : "s")}  {elapsed.TotalSeconds,6:F2} s  {perSecond / 1e6,6:F1} M calls/s  {1e9 / perSecond,6:F1} ns/call  {(double)allocated / calls,5:F2} B/call  final {total:N0} {(exact ? "OK" : $"WRONG, expected {expected:N0}")}"));
        return exact;
    }

    private static async Task<long> ActorRun(long calls, int tasks)
    {
        var actor = new Actor<long>(0);
        await SplitAsync(calls, tasks, (from, to) => ActorAddRange(actor, from, to)).ConfigureAwait(false);
        return await actor.InnerCallAsync(static s => new ValueTask<long>(s.Value)).ConfigureAwait(false);
    }

    private static async Task<long> RwModelRun(long calls, int tasks)
    {
        var model = new RwModel<long>(0);
        await SplitAsync(calls, tasks, (from, to) => RwModelAddRange(model, from, to)).ConfigureAwait(false);
        return await model.CallAsync(static s => new ValueTask<long>(s.Value)).ConfigureAwait(false);
    }

    private static Task SplitAsync(long calls, int tasks, Func<long, long, Task> addRange)
    {
        if (tasks == 1)
        {
            return addRange(0, calls);
        }

        long share = calls / tasks;
        var running = new Task[tasks];
        for (int t = 0; t < tasks; t++)
        {
            long from = t * share;
            long to = t == tasks - 1 ? calls : from + share;
            running[t] = Task.Run(() => addRange(from, to));
        }

        return Task.WhenAll(running);
    }

    private static async Task ActorAddRange(Actor<long> actor, long from, long to)
    {
        // One delegate for the whole loop (it reads the loop variable), so the loop itself allocates nothing.
        long i = from;
        Func<RefMutInner<long>, ValueTask> add = s =>
        {
            s.Value += i;
            return ValueTask.CompletedTask;
        };
        for (; i < to; i++)
        {
            await actor.InnerCallAsync(add).ConfigureAwait(false);
        }
    }

    private static async Task RwModelAddRange(RwModel<long> model, long from, long to)
    {
        long i = from;
        Func<RefMutInner<long>, ValueTask> add = s =>
        {
            s.Value += i;
            return ValueTask.CompletedTask;
        };
        for (; i < to; i++)
        {
            await model.CallMutAsync(add).ConfigureAwait(false);
        }
    }
}
