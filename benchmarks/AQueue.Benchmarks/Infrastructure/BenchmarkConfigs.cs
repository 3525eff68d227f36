using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace AQueue.Benchmarks.Infrastructure;

/// <summary>The two passes: the full one, publishable, and a quick one for direction.</summary>
internal static class BenchmarkConfigs
{
    /// <summary>
    /// The publishable pass: one launch, 3 warm-up and 15 measured iterations of 32 invocations per row, about
    /// 15 minutes for every row on 2 cores. The invocation count is fixed for the reason given on <see cref="Quick"/>.
    /// </summary>
    public static IConfig Full() => Build(Job.Default
        .WithId("Full")
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithInvocationCount(32)
        .WithUnrollFactor(1));

    /// <summary>
    /// A few short iterations: minutes rather than an hour on 2 cores, at the price of wider error bars. Good
    /// for direction, not for publishing. The invocation count is fixed (32 x 100,000 calls an iteration)
    /// because the pilot stage, run on cold tier-0 code, picked iterations far shorter than intended.
    /// </summary>
    public static IConfig Quick() => Build(Job.Default
        .WithId("Quick")
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(7)
        .WithInvocationCount(32)
        .WithUnrollFactor(1));

    private static IConfig Build(Job job) => DefaultConfig.Instance
        .AddJob(job.AsDefault())
        .AddColumn(StatisticColumn.P95)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
}
