using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace AQueue.Benchmarks.Infrastructure;

/// <summary>The two passes: the full one (BenchmarkDotNet's default job) and a quick one for direction.</summary>
internal static class BenchmarkConfigs
{
    public static IConfig Full() => Build(Job.Default.WithId("Full"));

    /// <summary>
    /// A few iterations of a short time each: minutes rather than an hour on 2 cores, at the price of wider
    /// error bars. Good for direction, not for publishing.
    /// </summary>
    public static IConfig Quick() => Build(Job.Default
        .WithId("Quick")
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(150)));

    private static IConfig Build(Job job) => DefaultConfig.Instance
        .AddJob(job.AsDefault())
        .AddColumn(StatisticColumn.P95)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
}
