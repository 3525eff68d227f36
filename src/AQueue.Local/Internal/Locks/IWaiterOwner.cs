namespace AQueue.Local.Internal.Locks;

/// <summary>The lock a waiter is queued in: the one that can take it out again.</summary>
internal interface IWaiterOwner
{
    /// <summary>Removes <paramref name="waiter"/> if it has not been granted yet, and marks it cancelled.</summary>
    /// <returns>False when it was granted (or cancelled) already.</returns>
    bool TryCancel(Waiter waiter);
}
