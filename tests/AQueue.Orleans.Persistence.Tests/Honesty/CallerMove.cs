namespace AQueue.Orleans.Persistence.Tests;

/// <summary>How a caller of the honesty load gives up, or does not.</summary>
public enum CallerMove
{
    /// <summary>No token, no timeout: waits for the answer.</summary>
    Waits,

    /// <summary>Cancels its token a random 0-30 ms after sending.</summary>
    CancelsAfter,

    /// <summary>Sends with a token already cancelled.</summary>
    CancelledBefore,

    /// <summary>Uses a timeout overload with a random 1-30 ms.</summary>
    TimesOut,
}
