using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace AQueue.Benchmarks.Infrastructure;

/// <summary>
/// Gives an Orleans benchmark class <see cref="Iterations"/> warm-up iterations instead of the job's 3, and the
/// interleaved and paired runners' warm-up at least <see cref="Time"/>. A process that has just started a cluster needs
/// seconds to reach its steady state (tiered compilation of Orleans' messaging path and the thread pool's size,
/// presumably), with 100 callers longer still: after 3 warm-up iterations one row's measured iterations went from 8 µs
/// a call down to 3 µs, so the ratio between rows measured how far each process had got (RatioSD 0.4 to 1.8). After 40
/// they agree within a few percent (docs/benchmarks.md, "the full pass with a cluster's warm-up").
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ClusterWarmUpAttribute : JobMutatorConfigBaseAttribute
{
    /// <summary>Warm-up iterations of 32 invocations of 1,000 calls: about 5 s with one caller, 2-4 s with 100.</summary>
    public const int Iterations = 40;

    /// <summary>The least warm-up the interleaved and paired runners give a class that carries this attribute.</summary>
    public static readonly TimeSpan Time = TimeSpan.FromSeconds(5);

    public ClusterWarmUpAttribute()
        : base(Job.Default.WithWarmupCount(Iterations))
    {
    }
}
