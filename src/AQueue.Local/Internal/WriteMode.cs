using AQueue.Local.Internal.Locks;

namespace AQueue.Local.Internal;

/// <summary>Takes exclusive access to an <see cref="RwLock"/>.</summary>
internal readonly struct WriteMode(RwLock lockObject, ReentrancyGuard guard) : ILockMode
{
    public ReentrancyGuard Guard => guard;

    public WaiterKind Kind => WaiterKind.Write;

    public IWaiterOwner Owner => lockObject;

    public bool SpinsWhenQueued => SpinPolicy.IsMultiCore;

    public bool TryEnter() => lockObject.TryEnterWrite();

    public bool TryEnterOrEnqueue(Waiter waiter) => lockObject.TryEnterOrEnqueue(waiter);

    public ValueTask EnterAsync(CancellationToken cancellationToken) => lockObject.EnterAsync(WaiterKind.Write, cancellationToken);

    public bool Enter(int millisecondsTimeout, CancellationToken cancellationToken) => lockObject.Enter(WaiterKind.Write, millisecondsTimeout, cancellationToken);

    public void Exit() => lockObject.ExitWrite();

    public CallWaiter? ExitOrTakeCall() => lockObject.ExitWriteOrTakeCall();
}
