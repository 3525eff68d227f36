using AQueue.Local.Internal.Locks;

namespace AQueue.Local.Internal;

/// <summary>Takes one permit of a <see cref="PermitLock"/> (a mutex when it has one permit).</summary>
internal readonly struct PermitMode(PermitLock lockObject, ReentrancyGuard guard) : ILockMode
{
    public ReentrancyGuard Guard => guard;

    public WaiterKind Kind => WaiterKind.Permit;

    public IWaiterOwner Owner => lockObject;

    public bool SpinsWhenQueued => lockObject.SpinsWhenQueued;

    public bool TryEnter() => lockObject.TryEnter();

    public bool TryEnterOrEnqueue(Waiter waiter) => lockObject.TryEnterOrEnqueue(waiter);

    public ValueTask EnterAsync(CancellationToken cancellationToken) => lockObject.EnterAsync(cancellationToken);

    public bool Enter(int millisecondsTimeout, CancellationToken cancellationToken) => lockObject.Enter(millisecondsTimeout, cancellationToken);

    public void Exit() => lockObject.Exit();

    public CallWaiter? ExitOrTakeCall() => lockObject.ExitOrTakeCall();
}
