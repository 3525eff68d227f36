using System.Collections.Concurrent;
using System.Diagnostics;

namespace AQueue.Conformance;

/// <summary>Records the spans AQueue's activity source ends (every one sampled with all data), and optionally the
/// spans of other sources too, so a test can check how they nest.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    /// <summary>Starts recording AQueue's spans and those of <paramref name="otherSources"/> (by source name).</summary>
    public SpanRecorder(params string[] otherSources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AQueueDiagnostics.ActivitySourceName || otherSources.Contains(source.Name),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The spans ended so far, in the order they ended.</summary>
    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    /// <summary>The ended AQueue spans whose value type is <paramref name="valueType"/> (a top-level type).</summary>
    public IReadOnlyList<Activity> Of(Type valueType) =>
        [.. Stopped.Where(a => a.Source.Name == AQueueDiagnostics.ActivitySourceName
                               && Equals(a.GetTagItem(AQueueDiagnostics.ValueTypeTag), valueType.FullName!.Replace('+', '.')))];

    /// <summary>Waits (polling) until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public Task WaitUntilAsync(Func<SpanRecorder, bool> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Poll.UntilAsync(() => condition(this), () => $"{what}. Spans: {string.Join("; ", Stopped.Select(a => $"{a.Source.Name}:{a.DisplayName}"))}", timeout);
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();
}
