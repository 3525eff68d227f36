using AQueue.Benchmarks.Headline;
using AQueue.Benchmarks.Infrastructure;
using BenchmarkDotNet.Running;

// Modes (docs/benchmarks.md):
//   (no args)         the full BenchmarkDotNet pass over every benchmark
//   --quick           the same benchmarks, a short job: direction in minutes, not publishable figures
//   --headline        the seed's counter demo (nums, nums_rw), outside BenchmarkDotNet; with --quick, 10M calls
//   --interleaved     the same rows round-robin in one process (for a busy machine); --only <class> narrows it,
//                     --row <text> and --param <value> to one row and parameter (for a profiler), --rounds <n>
//   --paired          the Orleans rows side by side, each round one call of every row; --only <class>, --rounds <n>
//                     (default 100,000; 20,000 with --quick), --callers <n> (each round a burst of n concurrent calls)
//   anything else     passed to BenchmarkSwitcher, e.g. --filter *Exclusive* or --list flat
bool quick = args.Contains("--quick");
bool headline = args.Contains("--headline");
bool interleaved = args.Contains("--interleaved");
bool paired = args.Contains("--paired");
int onlyAt = Array.IndexOf(args, "--only");
string? only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null;
string[] rest = args.Where(a => a is not "--quick" and not "--headline").ToArray();

if (headline)
{
    return await HeadlineDemo.RunAsync(quick);
}

if (paired)
{
    int callersAt = Array.IndexOf(args, "--callers");
    int callers = callersAt >= 0 && callersAt + 1 < args.Length ? int.Parse(args[callersAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    return await PairedRunner.RunAsync(quick, only, InterleavedFilter.From(args).Rounds, callers);
}

if (interleaved)
{
    return await InterleavedRunner.RunAsync(quick, only, InterleavedFilter.From(args));
}

// Without a filter BenchmarkSwitcher asks interactively; a pass runs everything unless told otherwise.
if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--anyCategories" or "--allCategories" or "--help" or "--version" or "--info"))
{
    rest = [.. rest, "--filter", "*"];
}

var summaries = BenchmarkSwitcher
    .FromAssembly(typeof(Program).Assembly)
    .Run(rest, quick ? BenchmarkConfigs.Quick() : BenchmarkConfigs.Full());
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
