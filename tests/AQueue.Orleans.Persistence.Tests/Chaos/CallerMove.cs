namespace AQueue.Orleans.Persistence.Tests;

/// <summary>How a caller of a seeded load gives up, or does not (the delays are the load's to choose).</summary>
public enum CallerMove
{
    /// <summary>No token, no timeout: waits for the answer.</summary>
    Waits,

    /// <summary>Cancels its token a random few milliseconds after sending.</summary>
    CancelsAfter,

    /// <summary>Sends with a token already cancelled.</summary>
    CancelledBefore,

    /// <summary>Uses a timeout overload with a random timeout.</summary>
    TimesOut,
}
