namespace AQueue.Local.Internal.Telemetry;

/// <summary>How a model call ended, as <see cref="AQueueDiagnostics.OutcomeTag"/> reports it.</summary>
internal enum CallOutcome
{
    /// <summary>The closure or operation returned.</summary>
    Completed,

    /// <summary>The closure or operation threw (other than a cancellation).</summary>
    Faulted,

    /// <summary>The caller's token cancelled the call, before or while it ran.</summary>
    Cancelled,

    /// <summary>The call's deadline passed, before or while it ran.</summary>
    TimedOut,

    /// <summary>The call was made from inside one of the same model's closures and refused at once.</summary>
    ReentrancyRefused,
}
