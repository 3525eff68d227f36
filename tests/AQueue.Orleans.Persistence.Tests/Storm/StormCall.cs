namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One call of the storm's history: what was asked of which model, by whom, and what the caller was told when.</summary>
public sealed class StormCall : RecordedCall
{
    public required StormModel Model { get; init; }

    public required StormOp Op { get; init; }

    public required StormCaller Via { get; init; }

    public required int WorkMilliseconds { get; init; }

    /// <summary>The fault under way when the call was sent ("calm" between faults).</summary>
    public required string Phase { get; init; }

    /// <summary>What the operation returned, when the call completed.</summary>
    public StormAnswer? Answer { get; set; }

    /// <summary>A call from grain code whose relay grain could not answer (its silo died, say): what the grain was told is
    /// unknown, so the call is ambiguous.</summary>
    public bool RelayLost { get; set; }

    /// <summary>The operation writes (an append), whether or not it then throws.</summary>
    public bool IsWrite => Op is StormOp.Append or StormOp.AppendThenThrow;

    /// <summary>The operation throws by design.</summary>
    public bool Throws => Op is StormOp.AppendThenThrow or StormOp.HoldThenThrow;

    /// <summary>The caller was told the operation's own exception (the one a throwing operation throws).</summary>
    public bool ToldThrown => Throws && Outcome == CallOutcome.Failed && Error == nameof(InvalidOperationException) &&
                              ErrorMessage == StormSender.ThrownMessage;

    /// <summary>A timed call's timeout; null for the others.</summary>
    public TimeSpan? Timeout => Move == CallerMove.TimesOut ? TimeSpan.FromMilliseconds(MoveMilliseconds) : null;
}
