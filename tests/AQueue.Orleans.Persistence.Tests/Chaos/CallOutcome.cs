namespace AQueue.Orleans.Persistence.Tests;

/// <summary>What the caller of a call of a seeded load (the honesty load, the storm) was told.</summary>
public enum CallOutcome
{
    /// <summary>The operation's result.</summary>
    Completed,

    /// <summary><see cref="OperationCanceledException"/> (or a subclass).</summary>
    Cancelled,

    /// <summary>The adapter's <see cref="TimeoutException"/> of a timeout overload ("The call did not complete within").</summary>
    TimedOut,

    /// <summary>Orleans' own response timeout ("Response did not arrive on time"): the call may or may not have run.</summary>
    ResponseTimeout,

    /// <summary>Any other exception.</summary>
    Failed,
}
