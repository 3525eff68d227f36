using AQueue.Local.Internal.Locks;

namespace AQueue.Local.Internal;

/// <summary>Takes shared access to an <see cref="RwLock"/>.</summary>
internal readonly struct ReadMode(RwLock lockObject, ReentrancyGuard guard) : ILockMode
{
    public ReentrancyGuard Guard => guard;

    public WaiterKind Kind => WaiterKind.Read;

    public IWaiterOwner Owner => lockObject;

    // Reads are granted, never combined: a spinning reader would only hold up the pool thread its grant needs.
    public bool SpinsWhenQueued => false;

    public bool TryEnter() => lockObject.TryEnterRead();

    public bool TryEnterOrEnqueue(Waiter waiter) => lockObject.TryEnterOrEnqueue(waiter);

    public ValueTask EnterAsync(CancellationToken cancellationToken) => lockObject.EnterAsync(WaiterKind.Read, cancellationToken);

    public bool Enter(int millisecondsTimeout, CancellationToken cancellationToken) => lockObject.Enter(WaiterKind.Read, millisecondsTimeout, cancellationToken);

    public void Exit() => lockObject.ExitRead();

    public CallWaiter? ExitOrTakeCall() => lockObject.ExitReadOrTakeCall();
}
