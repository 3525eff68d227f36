namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>What a storm caller saw.</summary>
internal enum CallOutcome
{
    /// <summary>Not returned yet.</summary>
    Pending,

    /// <summary>The call returned a result: acknowledged.</summary>
    Ok,

    /// <summary>The closure's own <see cref="StormException"/>, unchanged.</summary>
    Faulted,

    /// <summary><see cref="OperationCanceledException"/>.</summary>
    Cancelled,

    /// <summary><see cref="TimeoutException"/>.</summary>
    TimedOut,

    /// <summary>Anything else: always a failure.</summary>
    Unexpected,
}
