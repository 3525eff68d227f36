namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One call of the honesty load: what was sent, how the caller gave up, and what it was told when.</summary>
public sealed class StampedCall
{
    /// <summary>The operation's call id in <see cref="StartLog"/>.</summary>
    public required long Id { get; init; }

    public required CallTarget Target { get; init; }

    public required string Key { get; init; }

    public required CallerMove Move { get; init; }

    /// <summary>The cancel delay or the timeout, in milliseconds (0 for the other moves).</summary>
    public required int MoveMilliseconds { get; init; }

    /// <summary>Who called: "client" or the calling silo's address.</summary>
    public required string Caller { get; init; }

    public required LoadPhase Phase { get; init; }

    /// <summary>When the call was sent (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long SentAt { get; set; }

    /// <summary>When the caller was told (a <see cref="System.Diagnostics.Stopwatch"/> timestamp, taken as the await returned or threw).</summary>
    public long ToldAt { get; set; }

    /// <summary>When the caller's token fired, for a call cancelled after it was sent (a <see cref="System.Diagnostics.Stopwatch"/> timestamp; 0 otherwise).</summary>
    public long CancelledAt { get; set; }

    public CallOutcome Outcome { get; set; }

    /// <summary>The exception type's name, or null when the call completed.</summary>
    public string? Error { get; set; }

    /// <summary>The silo the operation ran on, when the call completed.</summary>
    public string? RanOn { get; set; }

    /// <summary>Whether the caller's own token was cancelled when it was told.</summary>
    public bool CallerCancelled { get; set; }

    /// <summary>Told "cancelled" or the adapter's "timed out": the caller was told the operation would not run to its end.</summary>
    public bool ToldGaveUp => Outcome is CallOutcome.Cancelled or CallOutcome.TimedOut;
}
