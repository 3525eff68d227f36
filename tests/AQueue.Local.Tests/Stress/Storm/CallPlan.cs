namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>One storm call, fixed up front from the seed.</summary>
/// <param name="Id">Index of the call; also names its write.</param>
/// <param name="IsWrite">An exclusive call that adds <see cref="Amount"/>; otherwise a shared read.</param>
/// <param name="FromThread">Made from a plain thread: the sync API where the target has one, else sync-over-async.</param>
/// <param name="UseOperation">Made through an operation object (the contract's path) instead of a closure.</param>
/// <param name="Body">What the closure does.</param>
/// <param name="Caller">How the caller bounds the call.</param>
/// <param name="BodyMs">How long a waiting or sleeping body takes.</param>
/// <param name="CancelAfterMs">When the caller's token is cancelled (CancelLater, TimeoutAndCancel).</param>
/// <param name="TimeoutMs">The caller's timeout (Timeout, TimeoutAndCancel).</param>
internal sealed record CallPlan(
    int Id,
    bool IsWrite,
    bool FromThread,
    bool UseOperation,
    BodyKind Body,
    CallerKind Caller,
    int BodyMs,
    int CancelAfterMs,
    int TimeoutMs)
{
    /// <summary>Distinct per call, so the final sum says exactly which writes applied.</summary>
    public long Amount => Id + 1L;

    public bool Throws => Body is BodyKind.ThrowBefore or BodyKind.ThrowAsync or BodyKind.ThrowAfter;

    public bool HasTimeout => Caller is CallerKind.Timeout or CallerKind.TimeoutAndCancel or CallerKind.ZeroTimeout;

    public bool HasToken => Caller is CallerKind.PreCancelled or CallerKind.CancelLater or CallerKind.TimeoutAndCancel or CallerKind.CancelWhileRunning;

    /// <summary>The caller makes a token source: cancelled later by a timer or by the closure.</summary>
    public bool HasSource => Caller is CallerKind.CancelLater or CallerKind.TimeoutAndCancel or CallerKind.CancelWhileRunning;

    /// <summary>Uses the timeout overload: when there is a timeout, and for every fifth call with an infinite one.</summary>
    public bool UseTimedOverload => HasTimeout || Id % 5 == 0;

    public TimeSpan Timeout => Caller switch
    {
        CallerKind.ZeroTimeout => TimeSpan.Zero,
        CallerKind.Timeout or CallerKind.TimeoutAndCancel => TimeSpan.FromMilliseconds(TimeoutMs),
        _ => System.Threading.Timeout.InfiniteTimeSpan,
    };
}
