using AQueue.Local.Internal.Locks;

namespace AQueue.Local.Internal;

/// <summary>
/// How a call takes and gives back its lock. Implemented by small structs so that the generic runner is
/// specialised, and inlined, per mode.
/// </summary>
internal interface ILockMode
{
    ReentrancyGuard Guard { get; }

    /// <summary>What a waiter of this mode asks the lock for.</summary>
    WaiterKind Kind { get; }

    /// <summary>The lock, as the owner that can take a cancelled waiter out of its queue.</summary>
    IWaiterOwner Owner { get; }

    /// <summary>
    /// Whether a queued call of this mode spins briefly before its caller awaits it: only where a combining
    /// holder can run it while a core is free for the spinner (see <see cref="SpinPolicy"/>).
    /// </summary>
    bool SpinsWhenQueued { get; }

    bool TryEnter();

    /// <summary>Enters if the lock is free; otherwise queues <paramref name="waiter"/>, which is then granted or taken in turn.</summary>
    /// <returns>True when entered (the waiter was not queued).</returns>
    bool TryEnterOrEnqueue(Waiter waiter);

    ValueTask EnterAsync(CancellationToken cancellationToken);

    bool Enter(int millisecondsTimeout, CancellationToken cancellationToken);

    void Exit();

    /// <summary>
    /// Releases the lock, unless the waiter it would pass to is a queued call: the lock then stays held for that
    /// call, which is returned for the releasing caller to run (<see cref="CallWaiter.RunBatch"/>).
    /// </summary>
    CallWaiter? ExitOrTakeCall();
}
