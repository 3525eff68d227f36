namespace AQueue.Orleans.Persistence.Tests;

/// <summary>What a call of the honesty load reaches: a model kind, its Orleans mapping and, for reader-writer models, read or write.</summary>
public enum CallTarget
{
    /// <summary>An actor persisted in SQLite ("f/" key).</summary>
    ActorPersisted,

    /// <summary>An actor kept in the activation's memory.</summary>
    ActorInMemory,

    /// <summary>A write to a persisted reader-writer model on the default (write-preferring) mapping.</summary>
    RwWritePreferringWrite,

    /// <summary>A read of a persisted reader-writer model on the default (write-preferring) mapping.</summary>
    RwWritePreferringRead,

    /// <summary>A write to a reader-writer model on Orleans' <c>[ReadOnly]</c> mapping.</summary>
    RwReadOnlyInterleavingWrite,

    /// <summary>A read of a reader-writer model on Orleans' <c>[ReadOnly]</c> mapping.</summary>
    RwReadOnlyInterleavingRead,

    /// <summary>A PCModel on the default mapping (a worker per silo).</summary>
    PCModelPerSilo,

    /// <summary>A PCModel with one activation per cluster.</summary>
    PCModelPerCluster,
}
