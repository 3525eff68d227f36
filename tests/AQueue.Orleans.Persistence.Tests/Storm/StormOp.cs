namespace AQueue.Orleans.Persistence.Tests;

/// <summary>What a storm call asks of its model.</summary>
public enum StormOp
{
    /// <summary>Appends the call's id to a ledger (<see cref="AppendId{TLedger}"/>).</summary>
    Append,

    /// <summary>Appends the call's id, then throws: never to be kept.</summary>
    AppendThenThrow,

    /// <summary>Reads a ledger (<see cref="ReadLedger{TLedger}"/>; on an actor, a call that only looks).</summary>
    Read,

    /// <summary>Holds a PCModel slot for a while (<see cref="HoldSlot{TSlots}"/>).</summary>
    Hold,

    /// <summary>Holds a slot, then throws.</summary>
    HoldThenThrow,
}
