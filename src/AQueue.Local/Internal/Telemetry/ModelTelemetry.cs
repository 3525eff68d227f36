using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AQueue.Local.Internal.Telemetry;

/// <summary>
/// What a model reports, with its tags built once: shared by every model of one kind, value type, backend and mapping
/// (the key is never a tag). Callers check <see cref="Enabled"/> first; with nothing listening, nothing else is touched.
/// </summary>
internal sealed class ModelTelemetry
{
    /// <summary>The library's activity source (<see cref="AQueueDiagnostics.ActivitySourceName"/>).</summary>
    public static readonly ActivitySource Source = new(AQueueDiagnostics.ActivitySourceName, typeof(ModelTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly string[] s_outcomes = ["completed", "faulted", "cancelled", "timed_out", "reentrancy_refused"];

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _hold;
    private readonly UpDownCounter<long> _waiting;
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly KeyValuePair<string, object?>[][] _tagsByOutcome;
    private readonly Func<ActivityContext>? _remoteParent;

    public ModelTelemetry(AQueueInstruments instruments, ModelKind kind, Type valueType, string backend, string? mapping, Func<ActivityContext>? remoteParent)
    {
        _calls = instruments.Calls;
        _wait = instruments.WaitDuration;
        _hold = instruments.HoldDuration;
        _waiting = instruments.Waiting;
        _remoteParent = remoteParent;
        Kind = kind;
        ValueTypeName = TypeNames.Format(valueType);
        Backend = backend;
        Mapping = mapping;

        var tags = new List<KeyValuePair<string, object?>>
        {
            new(AQueueDiagnostics.BackendTag, backend),
            new(AQueueDiagnostics.ModelKindTag, KindName(kind)),
            new(AQueueDiagnostics.ValueTypeTag, ValueTypeName),
        };
        if (mapping is not null)
        {
            tags.Add(new(AQueueDiagnostics.MappingTag, mapping));
        }

        _tags = [.. tags];
        _tagsByOutcome = [.. s_outcomes.Select(o => (KeyValuePair<string, object?>[])[.. tags, new(AQueueDiagnostics.OutcomeTag, o)])];
        SpanName = $"{kind} {ValueTypeName}";
    }

    public ModelKind Kind { get; }

    public string ValueTypeName { get; }

    public string Backend { get; }

    public string? Mapping { get; }

    /// <summary>The spans' name: kind and value type, e.g. <c>Actor System.Int64</c> (low cardinality).</summary>
    public string SpanName { get; }

    /// <summary>Whether anything listens to any instrument or to the activity source: the one check of the hot path.</summary>
    public bool Enabled => _calls.Enabled | _wait.Enabled | _hold.Enabled | _waiting.Enabled | Source.HasListeners();

    /// <summary>The tags every measurement carries (not the outcome).</summary>
    public ReadOnlySpan<KeyValuePair<string, object?>> Tags => _tags;

    public static string KindName(ModelKind kind) => kind switch
    {
        ModelKind.Actor => "actor",
        ModelKind.RwModel => "rw_model",
        ModelKind.PCModel => "pc_model",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string OutcomeName(CallOutcome outcome) => s_outcomes[(int)outcome];

    /// <summary>The outcome of a call that ended with <paramref name="error"/> (null: it returned).</summary>
    /// <remarks>A refusal is counted where the refused call is made (<see cref="Refused"/>); a closure that lets that
    /// exception escape has faulted. In a call given a timeout, a <see cref="TimeoutException"/> counts as timed out.</remarks>
    public static CallOutcome Classify(Exception? error, bool timed) => error switch
    {
        null => CallOutcome.Completed,
        TimeoutException when timed => CallOutcome.TimedOut,
        OperationCanceledException => CallOutcome.Cancelled,
        _ => CallOutcome.Faulted,
    };

    /// <summary>
    /// Starts the span of one call, if the source has a listener that samples it; it becomes current in the caller's
    /// flow (callers start it inside an async method, or stop it before returning, so it never leaks out). Its parent is
    /// the current activity or, on a silo, the caller's span the request brought.
    /// </summary>
    /// <param name="key">The model's key, where known (spans may carry it; metrics never do).</param>
    /// <param name="kind">The span's kind; by default <see cref="ActivityKind.Server"/> where a request brings a parent
    /// (a grain), otherwise <see cref="ActivityKind.Internal"/>.</param>
    public Activity? StartActivity(string? key = null, ActivityKind? kind = null)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext parent = Activity.Current is null && _remoteParent is not null ? _remoteParent() : default;
        Activity? activity = Source.StartActivity(SpanName, kind ?? (_remoteParent is null ? ActivityKind.Internal : ActivityKind.Server), parent);
        if (activity is { IsAllDataRequested: true })
        {
            foreach (KeyValuePair<string, object?> tag in _tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            if (key is not null)
            {
                activity.SetTag(AQueueDiagnostics.KeyTag, key);
            }
        }

        return activity;
    }

    /// <summary>A call joins the queue.</summary>
    /// <returns>Whether it was counted: only then may <see cref="Dequeued"/> be called for it (a listener may attach meanwhile).</returns>
    public bool Queued()
    {
        if (!_waiting.Enabled)
        {
            return false;
        }

        _waiting.Add(1, _tags);
        return true;
    }

    /// <summary>A call counted by <see cref="Queued"/> left the queue (started, cancelled or timed out).</summary>
    public void Dequeued() => _waiting.Add(-1, _tags);

    /// <summary>A call's closure starts after waiting from <paramref name="waitStarted"/> (0: it did not wait).</summary>
    /// <returns>The timestamp at which it starts holding the model.</returns>
    public long Acquired(long waitStarted, Activity? activity)
    {
        long now = Stopwatch.GetTimestamp();
        double waited = waitStarted == 0 ? 0 : Stopwatch.GetElapsedTime(waitStarted, now).TotalSeconds;
        if (_wait.Enabled)
        {
            _wait.Record(waited, _tags);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(AQueueDiagnostics.AcquiredEvent, tags: new ActivityTagsCollection { [AQueueDiagnostics.WaitDurationInstrument] = waited }));
        }

        return now;
    }

    /// <summary>A closure that <see cref="Acquired"/> the model at <paramref name="holdStarted"/> gives it back.</summary>
    public void Released(long holdStarted)
    {
        if (_hold.Enabled)
        {
            _hold.Record(Stopwatch.GetElapsedTime(holdStarted).TotalSeconds, _tags);
        }
    }

    /// <summary>A call ended so (its caller is answered).</summary>
    public void Ended(CallOutcome outcome)
    {
        if (_calls.Enabled)
        {
            _calls.Add(1, _tagsByOutcome[(int)outcome]);
        }
    }

    /// <summary>Ends a call's span with its outcome.</summary>
    public static void Stop(Activity? activity, CallOutcome outcome, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(AQueueDiagnostics.OutcomeTag, OutcomeName(outcome));
        if (outcome != CallOutcome.Completed)
        {
            activity.SetStatus(ActivityStatusCode.Error, error?.Message ?? OutcomeName(outcome));
        }

        activity.Stop();
    }

    /// <summary>A call refused at once: it was made from inside one of the same model's closures.</summary>
    public void Refused()
    {
        if (_calls.Enabled)
        {
            _calls.Add(1, _tagsByOutcome[(int)CallOutcome.ReentrancyRefused]);
        }
    }
}
