namespace AQueue;

/// <summary>
/// The names under which AQueue reports what its models do: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, the same on the in-process and the Orleans backend, so one
/// dashboard serves both. Nothing is measured unless something listens (an OpenTelemetry <c>AddMeter</c> /
/// <c>AddSource</c>, <c>dotnet-counters</c>, a <see cref="System.Diagnostics.Metrics.MeterListener"/>).
/// </summary>
/// <remarks>
/// <para>Instruments (OpenTelemetry naming, durations in seconds):</para>
/// <list type="table">
/// <item><term><see cref="CallsInstrument"/></term><description>a counter of finished calls, tagged with
/// <see cref="OutcomeTag"/>: <c>completed</c>, <c>faulted</c>, <c>cancelled</c>, <c>timed_out</c> or
/// <c>reentrancy_refused</c>.</description></item>
/// <item><term><see cref="WaitDurationInstrument"/></term><description>a histogram: how long a call waited for the model
/// before its closure or operation started (0 for a call that did not queue); recorded as it starts.</description></item>
/// <item><term><see cref="HoldDurationInstrument"/></term><description>a histogram: how long a closure or operation held
/// the model; recorded as it ends.</description></item>
/// <item><term><see cref="WaitingInstrument"/></term><description>an up-down counter: calls waiting right now (+1 as a
/// call queues, -1 as it leaves the queue: started, cancelled or timed out).</description></item>
/// </list>
/// <para>Tags: <see cref="BackendTag"/> (<c>local</c> or <c>orleans</c>), <see cref="ModelKindTag"/> (<c>actor</c>,
/// <c>rw_model</c>, <c>pc_model</c>), <see cref="ValueTypeTag"/> (the guarded value's type) and, on Orleans,
/// <see cref="MappingTag"/>. Never the model's key: keys are unbounded, and a metric's series must not be.</para>
/// </remarks>
public static class AQueueDiagnostics
{
    /// <summary>The meter's name (and the activity source's): <c>AQueue</c>.</summary>
    public const string MeterName = "AQueue";

    /// <summary>The activity source's name: <c>AQueue</c>.</summary>
    public const string ActivitySourceName = "AQueue";

    /// <summary>Calls that finished, by outcome: <c>aqueue.model.calls</c>.</summary>
    public const string CallsInstrument = "aqueue.model.calls";

    /// <summary>Time waited for the model, in seconds: <c>aqueue.model.wait.duration</c>.</summary>
    public const string WaitDurationInstrument = "aqueue.model.wait.duration";

    /// <summary>Time the model was held by one closure or operation, in seconds: <c>aqueue.model.hold.duration</c>.</summary>
    public const string HoldDurationInstrument = "aqueue.model.hold.duration";

    /// <summary>Calls waiting right now: <c>aqueue.model.waiting</c>.</summary>
    public const string WaitingInstrument = "aqueue.model.waiting";

    /// <summary>Which backend ran the model: <c>local</c> or <c>orleans</c>.</summary>
    public const string BackendTag = "aqueue.backend";

    /// <summary>The model's kind: <c>actor</c>, <c>rw_model</c> or <c>pc_model</c>.</summary>
    public const string ModelKindTag = "aqueue.model.kind";

    /// <summary>The guarded value's type, e.g. <c>System.Int64</c>.</summary>
    public const string ValueTypeTag = "aqueue.model.value_type";

    /// <summary>On Orleans, the model's mapping: <c>actor_grain</c>, <c>write_preferring</c>, <c>read_only_interleaving</c>,
    /// <c>per_silo</c> or <c>per_cluster</c>.</summary>
    public const string MappingTag = "aqueue.model.mapping";

    /// <summary>How a call ended (on <see cref="CallsInstrument"/> only).</summary>
    public const string OutcomeTag = "aqueue.call.outcome";

    /// <summary>On a span: the model's key (spans may carry it; metrics never do).</summary>
    public const string KeyTag = "aqueue.model.key";

    /// <summary>The span event added when a call stops waiting and its closure or operation starts.</summary>
    public const string AcquiredEvent = "aqueue.model.acquired";
}
