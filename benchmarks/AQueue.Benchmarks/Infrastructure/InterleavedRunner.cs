using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace AQueue.Benchmarks.Infrastructure;

/// <summary>
/// A second opinion for a busy machine: runs the same [Benchmark] methods as BenchmarkDotNet, in one process,
/// round-robin (one invocation of every row of a group, then the next round), so that every row of a group
/// sees the same background load (after the class's [GlobalSetup]). Prints the median and mean per call and the
/// ratio of medians to the group's baseline. Not a replacement for the BenchmarkDotNet pass: no separate processes, no pilot stage,
/// wall-clock only.
/// </summary>
internal static class InterleavedRunner
{
    public static async Task<int> RunAsync(bool quick, string? only, InterleavedFilter filter)
    {
        int rounds = filter.Rounds ?? (quick ? 15 : 40);
        Console.WriteLine($"Interleaved pass: {rounds} rounds per row ({Workload.Calls:N0} calls in-process, {Orleans.OrleansBenchmarks.Calls:N0} on Orleans), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Type[] types = typeof(InterleavedRunner).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Where(t => only is null || t.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        foreach (Type type in types)
        {
            PropertyInfo? tasksProperty = type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<ParamsAttribute>() is not null);
            object?[] tasksValues = tasksProperty?.GetCustomAttribute<ParamsAttribute>()?.Values ?? [null];
            foreach (object? tasks in tasksValues.Where(v => filter.Param is null || string.Equals(v?.ToString(), filter.Param, StringComparison.Ordinal)))
            {
                await RunGroupAsync(type, tasksProperty, tasks, rounds, filter.Row).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static async Task RunGroupAsync(Type type, PropertyInfo? tasksProperty, object? tasks, int rounds, string? rowFilter)
    {
        object instance = Activator.CreateInstance(type)!;
        tasksProperty?.SetValue(instance, tasks);
        foreach (MethodInfo setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(instance, null);
        }

        var rows = type.GetMethods()
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>()))
            .Where(r => r.Attribute is not null)
            .Select(r => new Row(r.Attribute!.Description ?? r.Method.Name, r.Attribute.Baseline, r.Attribute.OperationsPerInvoke, r.Method.CreateDelegate<Func<Task>>(instance)))
            .Where(r => rowFilter is null || r.Name.Contains(rowFilter, StringComparison.OrdinalIgnoreCase))
            .ToArray();

        // Warm-up, round-robin too, for at least a second (a cluster's classes: ClusterWarmUpAttribute.Time): tiered
        // compilation promotes hot code only after a quiet spell with no new methods to compile, and the thread pool has to grow.
        TimeSpan warmUp = type.GetCustomAttribute<ClusterWarmUpAttribute>() is not null ? ClusterWarmUpAttribute.Time : TimeSpan.FromSeconds(1);
        long warmUpStarted = Stopwatch.GetTimestamp();
        for (int round = 0; round < 5 || Stopwatch.GetElapsedTime(warmUpStarted) < warmUp; round++)
        {
            foreach (Row row in rows)
            {
                await row.Run().ConfigureAwait(false);
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            foreach (Row row in rows)
            {
                long allocated = GC.GetTotalAllocatedBytes(precise: false);
                long started = Stopwatch.GetTimestamp();
                await row.Run().ConfigureAwait(false);
                row.Nanoseconds.Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / row.Calls);
                row.Bytes += GC.GetTotalAllocatedBytes(precise: false) - allocated;
            }
        }

        foreach (MethodInfo cleanup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null))
        {
            cleanup.Invoke(instance, null);
        }

        double baseline = rows.FirstOrDefault(r => r.IsBaseline)?.Median ?? double.NaN;
        Console.WriteLine();
        Console.WriteLine(tasks is null ? $"## {type.Name}" : $"## {type.Name}, {tasksProperty!.Name}={tasks}");
        Console.WriteLine();
        Console.WriteLine("| Row | Median ns/call | P25-P75 ns/call | Mean ns/call | Min ns/call | Median / baseline | B/call (approx.) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (Row row in rows)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {row.Name}{(row.IsBaseline ? " (baseline)" : "")} | {row.Median:F1} | {row.Percentile(0.25):F1}-{row.Percentile(0.75):F1} | {row.Nanoseconds.Average():F1} | {row.Nanoseconds.Min():F1} | {row.Median / baseline:F2} | {(double)row.Bytes / rounds / row.Calls:F1} |"));
        }
    }

    private sealed class Row(string name, bool isBaseline, int calls, Func<Task> run)
    {
        public string Name { get; } = name;

        public bool IsBaseline { get; } = isBaseline;

        /// <summary>Calls per invocation: the row's OperationsPerInvoke (the Orleans rows make fewer).</summary>
        public int Calls { get; } = calls;

        public Func<Task> Run { get; } = run;

        public List<double> Nanoseconds { get; } = [];

        public long Bytes { get; set; }

        public double Median => Percentile(0.5);

        /// <summary>The round at <paramref name="fraction"/> of the sorted rounds (nearest rank): the spread a contended row shows run after run.</summary>
        public double Percentile(double fraction)
        {
            var sorted = Nanoseconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, fraction * sorted.Length)];
        }
    }
}
