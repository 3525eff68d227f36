namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>How a storm caller bounds its call.</summary>
internal enum CallerKind
{
    /// <summary>No token, no timeout.</summary>
    Plain,

    /// <summary>A token cancelled before the call: the closure must never run.</summary>
    PreCancelled,

    /// <summary>A token cancelled after a few milliseconds, while waiting or while running.</summary>
    CancelLater,

    /// <summary>The timeout overload with a few milliseconds.</summary>
    Timeout,

    /// <summary>Both a timeout and a token cancelled later; whichever comes first wins.</summary>
    TimeoutAndCancel,

    /// <summary>A token that the closure itself cancels as it starts: a cancellation that surely lands while running.</summary>
    CancelWhileRunning,

    /// <summary>The timeout overload with <see cref="TimeSpan.Zero"/>: async calls time out and never run.</summary>
    ZeroTimeout,
}
