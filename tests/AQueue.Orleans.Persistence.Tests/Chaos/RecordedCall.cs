using System.Diagnostics;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One call of a seeded load: how its caller gave up (or not), and what it was told when.</summary>
public abstract class RecordedCall
{
    /// <summary>The operation's call id in <see cref="StartLog"/>.</summary>
    public required long Id { get; init; }

    public required CallerMove Move { get; init; }

    /// <summary>The cancel delay or the timeout, in milliseconds (0 for the other moves).</summary>
    public required int MoveMilliseconds { get; init; }

    /// <summary>Who called: "client", a silo's address, or a grain.</summary>
    public required string Caller { get; init; }

    /// <summary>When the call was sent (a <see cref="Stopwatch"/> timestamp).</summary>
    public long SentAt { get; set; }

    /// <summary>When the caller was told (a <see cref="Stopwatch"/> timestamp, taken as the await returned or threw).</summary>
    public long ToldAt { get; set; }

    public CallOutcome Outcome { get; set; }

    /// <summary>The exception type's name, or null when the call completed.</summary>
    public string? Error { get; set; }

    /// <summary>The start of the exception's message, or null when the call completed.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Whether the caller's own token was cancelled when it was told.</summary>
    public bool CallerCancelled { get; set; }

    /// <summary>When the caller's token fired, for a call cancelled after it was sent (a Stopwatch timestamp; 0 otherwise).</summary>
    public long CancelledAt { get; set; }

    /// <summary>Told "cancelled" or the adapter's "timed out": the caller was told the operation would not run to its end.</summary>
    public bool ToldGaveUp => Outcome is CallOutcome.Cancelled or CallOutcome.TimedOut;

    /// <summary>How long the caller waited for its answer, in ms.</summary>
    public double WaitedMs => (ToldAt - SentAt) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Keeps what the caller was told.</summary>
    public void Record<TResult>(Told<TResult> told)
    {
        ArgumentNullException.ThrowIfNull(told);
        SentAt = told.SentAt;
        ToldAt = told.ToldAt;
        Outcome = told.Outcome;
        Error = told.Error;
        ErrorMessage = told.ErrorMessage;
        CallerCancelled = told.CallerCancelled;
        CancelledAt = told.CancelledAt;
    }
}
