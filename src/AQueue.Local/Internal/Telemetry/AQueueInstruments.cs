using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace AQueue.Local.Internal.Telemetry;

/// <summary>
/// The library's instruments on one <see cref="Meter"/> named <see cref="AQueueDiagnostics.MeterName"/>: the meter of
/// a host's <see cref="IMeterFactory"/> where there is one (so its listeners and its lifetime apply), otherwise one
/// process-wide meter for models built with <c>new</c>. Each model holds a <see cref="ModelTelemetry"/> from here.
/// </summary>
internal sealed class AQueueInstruments
{
    private static readonly string? s_version = typeof(AQueueInstruments).Assembly.GetName().Version?.ToString();
    private static readonly ConditionalWeakTable<Meter, AQueueInstruments> s_byMeter = new();

    // Calls take from tens of nanoseconds to seconds: buckets from a microsecond up (an exporter's defaults, made for
    // milliseconds, would put every uncontended call in the first bucket).
    private static readonly InstrumentAdvice<double> s_buckets = new()
    {
        HistogramBucketBoundaries = [0, 0.000_001, 0.000_01, 0.000_1, 0.000_5, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
    };

    private readonly ConcurrentDictionary<(ModelKind Kind, Type ValueType, string Backend, string? Mapping), ModelTelemetry> _models = new();

    private AQueueInstruments(Meter meter)
    {
        Meter = meter;
        Calls = meter.CreateCounter<long>(AQueueDiagnostics.CallsInstrument, "{call}",
            "Model calls that finished, by outcome: completed, faulted, cancelled, timed_out, reentrancy_refused.");
        WaitDuration = meter.CreateHistogram(AQueueDiagnostics.WaitDurationInstrument, "s",
            "How long a call waited for the model before its closure or operation started (0 when it did not queue).", tags: null, s_buckets);
        HoldDuration = meter.CreateHistogram(AQueueDiagnostics.HoldDurationInstrument, "s",
            "How long one closure or operation held the model.", tags: null, s_buckets);
        Waiting = meter.CreateUpDownCounter<long>(AQueueDiagnostics.WaitingInstrument, "{call}",
            "Calls waiting for the model right now.");
    }

    /// <summary>The instruments of models built with <c>new</c>, outside any host: a process-wide meter.</summary>
    public static AQueueInstruments Shared { get; } = new(new Meter(AQueueDiagnostics.MeterName, s_version));

    public Meter Meter { get; }

    public Counter<long> Calls { get; }

    public Histogram<double> WaitDuration { get; }

    public Histogram<double> HoldDuration { get; }

    public UpDownCounter<long> Waiting { get; }

    /// <summary>The instruments on <paramref name="meterFactory"/>'s AQueue meter, or <see cref="Shared"/> without a factory.</summary>
    public static AQueueInstruments For(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            return Shared;
        }

        // A factory hands out one meter per name and version: one set of instruments per meter.
        Meter meter = meterFactory.Create(new MeterOptions(AQueueDiagnostics.MeterName) { Version = s_version });
        return s_byMeter.GetValue(meter, static m => new AQueueInstruments(m));
    }

    /// <summary>The telemetry of every model of one kind, value type, backend and mapping (shared: tags never hold a key).</summary>
    public ModelTelemetry Model(ModelKind kind, Type valueType, string backend, string? mapping = null, Func<System.Diagnostics.ActivityContext>? remoteParent = null) =>
        _models.GetOrAdd((kind, valueType, backend, mapping), static (id, state) =>
            new ModelTelemetry(state.Self, id.Kind, id.ValueType, id.Backend, id.Mapping, state.RemoteParent), (Self: this, RemoteParent: remoteParent));
}
