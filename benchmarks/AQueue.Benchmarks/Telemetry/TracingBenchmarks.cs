using System.Diagnostics;
using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AQueue.Benchmarks.Telemetry;

/// <summary>
/// What AQueue's spans cost: an actor call while an <see cref="ActivityListener"/> samples every span of the
/// <c>AQueue</c> source (the listener is process-wide, so this class runs in a group, and a process, of its own).
/// Compare with the "nothing listening" row of <see cref="TelemetryBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("tracing")]
public class TracingBenchmarks
{
    private readonly Actor<long> _actor = new(0);
    private ActivityListener? _listener;
    private long _spans;

    [GlobalSetup]
    public void Setup()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AQueueDiagnostics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => _spans++,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        if (_spans == 0)
        {
            throw new InvalidOperationException("No span was recorded: the row did not measure what it says.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "Actor.InnerCallAsync, every span recorded")]
    public async Task ActorTraced()
    {
        for (int i = 0; i < Workload.Calls; i++)
        {
            await _actor.InnerCallAsync(static s =>
            {
                s.Value++;
                return ValueTask.CompletedTask;
            });
        }
    }
}
