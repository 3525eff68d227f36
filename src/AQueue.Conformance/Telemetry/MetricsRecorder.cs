using System.Diagnostics.Metrics;

namespace AQueue.Conformance;

/// <summary>
/// Records what AQueue's instruments report about models of one value type (the tests give each test a type of its
/// own, so other models in the process do not count). Measurements of other types are dropped before anything is
/// allocated, so a recorder does not disturb allocation tests running beside it.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<MetricMeasurement> _measurements = [];
    private readonly string _valueType;

    /// <summary>Starts recording measurements tagged with <paramref name="valueType"/> (a top-level type), from meters
    /// <paramref name="meterFilter"/> accepts (every AQueue meter by default).</summary>
    public MetricsRecorder(Type valueType, Func<Meter, bool>? meterFilter = null)
    {
        _valueType = valueType.FullName!.Replace('+', '.');
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AQueueDiagnostics.MeterName && (meterFilter is null || meterFilter(instrument.Meter)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every measurement so far, in the order they were reported.</summary>
    public IReadOnlyList<MetricMeasurement> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _measurements];
            }
        }
    }

    /// <summary>The measurements of <paramref name="instrument"/>.</summary>
    public IReadOnlyList<MetricMeasurement> Of(string instrument) => [.. All.Where(m => m.Instrument == instrument)];

    /// <summary>How many calls ended with <paramref name="outcome"/> (the sum of <see cref="AQueueDiagnostics.CallsInstrument"/>).</summary>
    public long Calls(string outcome) =>
        (long)Of(AQueueDiagnostics.CallsInstrument).Where(m => Equals(m.Tag(AQueueDiagnostics.OutcomeTag), outcome)).Sum(m => m.Value);

    /// <summary>Calls that ended, whatever the outcome.</summary>
    public long Calls() => (long)Of(AQueueDiagnostics.CallsInstrument).Sum(m => m.Value);

    /// <summary>The up-down counter of waiting calls, summed: how many wait now, as reported.</summary>
    public long Waiting => (long)Of(AQueueDiagnostics.WaitingInstrument).Sum(m => m.Value);

    /// <summary>Waits (polling) until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public Task WaitUntilAsync(Func<MetricsRecorder, bool> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Poll.UntilAsync(() => condition(this), () => $"{what}. Recorded: {string.Join("; ", All)}", timeout);
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        bool ours = false;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == AQueueDiagnostics.ValueTypeTag && tag.Value is string type && type == _valueType)
            {
                ours = true;
                break;
            }
        }

        if (!ours)
        {
            return;
        }

        var measurement = new MetricMeasurement(instrument.Name, value, instrument.Meter, tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
        lock (_lock)
        {
            _measurements.Add(measurement);
        }
    }
}
