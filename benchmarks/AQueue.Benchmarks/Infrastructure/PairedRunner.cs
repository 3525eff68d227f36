using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace AQueue.Benchmarks.Infrastructure;

/// <summary>
/// The Orleans rows one call at a time, paired: each round makes one call of every row (the order rotated from round to
/// round) and times each call alone, so every row sees the same moment of the machine, to within microseconds. Prints
/// per row the median call, the median of its paired difference to the baseline's call in the same round, and the ratios
/// of medians and of means. With <c>--callers n</c> a round of a row is a burst of n concurrent calls, timed together
/// (per call: the burst's time over n).
/// </summary>
/// <remarks>Why: on a small shared machine the Orleans rows' per-round times move by a tenth or more from process to
/// process, more than the adapter's cost; timing single calls side by side resolves tens of nanoseconds.</remarks>
internal static class PairedRunner
{
    public static async Task<int> RunAsync(bool quick, string? only, int? calls, int callers)
    {
        // A round of a row is one call, or with more callers a burst of that many concurrent calls timed together.
        int rounds = calls ?? (callers > 1 ? (quick ? 1_000 : 5_000) : (quick ? 20_000 : 100_000));
        Console.WriteLine($"Paired pass: {rounds:N0} rounds per row, {(callers > 1 ? $"each a burst of {callers} concurrent calls" : "each one call")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Type[] types = typeof(PairedRunner).Assembly.GetTypes()
            .Where(t => typeof(ISingleCalls).IsAssignableFrom(t) && !t.IsInterface)
            .Where(t => only is null || t.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        foreach (Type type in types)
        {
            await RunClassAsync(type, rounds, callers).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task RunClassAsync(Type type, int rounds, int callers)
    {
        object instance = Activator.CreateInstance(type)!;
        PropertyInfo? callersProperty = type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<ParamsAttribute>() is not null);
        callersProperty?.SetValue(instance, 1);
        foreach (MethodInfo setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(instance, null);
        }

        IReadOnlyList<(string Name, Func<Task> Call)> rows = [.. ((ISingleCalls)instance).SingleCalls().Select(row => (row.Name, Burst(row.Call, callers)))];
        double[][] nanoseconds = rows.Select(_ => new double[rounds]).ToArray();

        // Warm-up: tiered compilation, the thread pool's size, the grains' activations; a cluster takes seconds to settle.
        TimeSpan warmUp = type.GetCustomAttribute<ClusterWarmUpAttribute>() is not null ? ClusterWarmUpAttribute.Time : TimeSpan.Zero;
        long warmUpStarted = Stopwatch.GetTimestamp();
        for (int round = 0; round < Math.Max(2_000 / callers, rounds / 5) || Stopwatch.GetElapsedTime(warmUpStarted) < warmUp; round++)
        {
            foreach ((string _, Func<Task> call) in rows)
            {
                await call().ConfigureAwait(false);
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < rows.Count; k++)
            {
                int row = (round + k) % rows.Count;
                long started = Stopwatch.GetTimestamp();
                await rows[row].Call().ConfigureAwait(false);
                nanoseconds[row][round] = (Stopwatch.GetTimestamp() - started) * 1e9 / Stopwatch.Frequency / callers;
            }
        }

        foreach (MethodInfo cleanup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null))
        {
            cleanup.Invoke(instance, null);
        }

        double baselineMedian = Percentile(nanoseconds[0], 0.5);
        double baselineMean = nanoseconds[0].Average();
        Console.WriteLine();
        Console.WriteLine($"## {type.Name}, paired, Callers={callers}");
        Console.WriteLine();
        Console.WriteLine("| Row | Median ns/call | P25-P75 ns/call | Paired difference to baseline, median ns | Median / baseline | Mean / baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int row = 0; row < rows.Count; row++)
        {
            double[] difference = nanoseconds[row].Select((ns, round) => ns - nanoseconds[0][round]).ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {rows[row].Name}{(row == 0 ? " (baseline)" : "")} | {Percentile(nanoseconds[row], 0.5):F0} | {Percentile(nanoseconds[row], 0.25):F0}-{Percentile(nanoseconds[row], 0.75):F0} | {Percentile(difference, 0.5):F0} | {Percentile(nanoseconds[row], 0.5) / baselineMedian:F3} | {nanoseconds[row].Average() / baselineMean:F3} |"));
        }
    }

    private static Func<Task> Burst(Func<Task> call, int callers) => callers == 1 ? call : () =>
    {
        var calls = new Task[callers];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = call();
        }

        return Task.WhenAll(calls);
    };

    private static double Percentile(double[] values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Min(sorted.Length - 1, fraction * sorted.Length)];
    }
}
