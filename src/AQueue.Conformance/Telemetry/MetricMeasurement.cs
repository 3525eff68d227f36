using System.Diagnostics.Metrics;

namespace AQueue.Conformance;

/// <summary>One value an AQueue instrument reported, with its tags and the meter that reported it.</summary>
public sealed record MetricMeasurement(string Instrument, double Value, Meter Meter, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>The value of tag <paramref name="key"/>, or null.</summary>
    public object? Tag(string key) => Tags.TryGetValue(key, out object? value) ? value : null;

    /// <summary>The instrument, the value and the tags, for a failing test's message.</summary>
    public override string ToString() => $"{Instrument}={Value} {{{string.Join(", ", Tags.Select(t => $"{t.Key}={t.Value}"))}}}";
}
