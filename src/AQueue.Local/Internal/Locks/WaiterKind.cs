namespace AQueue.Local.Internal.Locks;

/// <summary>What a waiter asks for.</summary>
internal enum WaiterKind : byte
{
    /// <summary>A permit of a semaphore or mutex.</summary>
    Permit,

    /// <summary>Shared access to a reader-writer lock.</summary>
    Read,

    /// <summary>Exclusive access to a reader-writer lock.</summary>
    Write,
}
