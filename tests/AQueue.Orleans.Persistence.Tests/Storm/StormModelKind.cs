namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A model kind and Orleans mapping the storm calls.</summary>
public enum StormModelKind
{
    /// <summary>An actor of <see cref="Ledger"/>, persisted in SQLite.</summary>
    Actor,

    /// <summary>A reader-writer model of <see cref="Ledger"/> on the default (write-preferring) mapping, persisted.</summary>
    RwWritePreferring,

    /// <summary>A reader-writer model of <see cref="InterleavedLedger"/> on Orleans' <c>[ReadOnly]</c> mapping, persisted.</summary>
    RwReadOnlyInterleaving,

    /// <summary>A PCModel of <see cref="SiloSlots"/> on the default mapping: a worker per silo, bounded per silo.</summary>
    PCModelPerSilo,

    /// <summary>A PCModel of <see cref="ClusterSlots"/> with one activation per cluster, bounded in the cluster.</summary>
    PCModelPerCluster,
}
