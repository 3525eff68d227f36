namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// The state a storm guards. A write reads a snapshot, may await, then stores snapshot + amount and records
/// its own id: so the final sum says exactly which writes applied, and a broken lock shows as a lost update.
/// </summary>
internal interface IStormCell
{
    /// <summary>Starts a write: the value it will add to.</summary>
    long Begin();

    /// <summary>Ends a write: stores <paramref name="snapshot"/> + <paramref name="amount"/> and records <paramref name="id"/>.</summary>
    void End(long snapshot, int id, long amount);

    /// <summary>A read.</summary>
    long Peek();

    /// <summary>Adds one outside the ledger (the speed check after the storm).</summary>
    void AddQuick();

    long Sum { get; }

    long QuickCount { get; }

    /// <summary>Every id that applied, in order. Call only when no closure runs.</summary>
    IReadOnlyList<int> Applied { get; }
}
