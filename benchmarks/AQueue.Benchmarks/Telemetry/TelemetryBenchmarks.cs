using System.Diagnostics.Metrics;
using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace AQueue.Benchmarks.Telemetry;

/// <summary>
/// What AQueue's metrics cost (issue 13): the same calls on two models of one process, one whose meter nothing
/// listens to and one whose meter a <see cref="MeterListener"/> listens to. Each model comes from its own
/// <c>AddAQueueLocal</c> provider with its own <see cref="IMeterFactory"/>, and the listener enables the instruments of
/// one factory's meter only, so both rows run side by side in one process. The listener is the cheapest possible
/// (it adds each measurement to a field): an OpenTelemetry SDK aggregating histograms costs more.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("telemetry")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TelemetryBenchmarks
{
    private ServiceProvider? _quiet;
    private ServiceProvider? _listened;
    private MeterListener? _listener;
    private Actor<long> _quietActor = null!;
    private Actor<long> _listenedActor = null!;
    private RwModel<long> _quietModel = null!;
    private RwModel<long> _listenedModel = null!;
    private long _measurements;
    private double _sum;
    private bool _listenedRan;

    [Params(1, 4)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _quiet = new ServiceCollection().AddMetrics().AddAQueueLocal().BuildServiceProvider();
        _listened = new ServiceCollection().AddMetrics().AddAQueueLocal().BuildServiceProvider();
        IMeterFactory listenedFactory = _listened.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AQueueDiagnostics.MeterName && ReferenceEquals(instrument.Meter.Scope, listenedFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => { _measurements++; _sum += value; });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => { _measurements++; _sum += value; });
        _listener.Start();

        _quietActor = (Actor<long>)_quiet.GetRequiredService<IModelProvider>().GetActor<long>("a");
        _listenedActor = (Actor<long>)_listened.GetRequiredService<IModelProvider>().GetActor<long>("a");
        _quietModel = (RwModel<long>)_quiet.GetRequiredService<IModelProvider>().GetRwModel<long>("m");
        _listenedModel = (RwModel<long>)_listened.GetRequiredService<IModelProvider>().GetRwModel<long>("m");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _quiet?.Dispose();
        _listened?.Dispose();
        // BenchmarkDotNet runs each row in a process of its own: only a process that ran a listened row can check it.
        if (_listenedRan && _measurements == 0)
        {
            throw new InvalidOperationException("The listened models reported nothing: the rows did not measure what they say.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "Actor.InnerCallAsync, nothing listening")]
    public Task ActorQuiet() => Workload.Concurrently(Tasks, calls => ActorLoop(_quietActor, calls));

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Actor.InnerCallAsync, MeterListener")]
    public Task ActorListened()
    {
        _listenedRan = true;
        return Workload.Concurrently(Tasks, calls => ActorLoop(_listenedActor, calls));
    }

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "RwModel.CallMutAsync, nothing listening")]
    public Task WriteQuiet() => Workload.Concurrently(Tasks, calls => WriteLoop(_quietModel, calls));

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "RwModel.CallMutAsync, MeterListener")]
    public Task WriteListened()
    {
        _listenedRan = true;
        return Workload.Concurrently(Tasks, calls => WriteLoop(_listenedModel, calls));
    }

    private static async Task ActorLoop(Actor<long> actor, int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await actor.InnerCallAsync(static s =>
            {
                s.Value++;
                return ValueTask.CompletedTask;
            });
        }
    }

    private static async Task WriteLoop(RwModel<long> model, int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await model.CallMutAsync(static s =>
            {
                s.Value++;
                return ValueTask.CompletedTask;
            });
        }
    }
}
