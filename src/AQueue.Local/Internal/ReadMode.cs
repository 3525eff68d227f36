using AQueue.Local.Internal.Locks;

namespace AQueue.Local.Internal;

/// <summary>Takes shared access to an <see cref="RwLock"/>.</summary>
internal readonly struct ReadMode(RwLock lockObject, ReentrancyGuard guard) : ILockMode
{
    public ReentrancyGuard Guard => guard;

    public bool TryEnter() => lockObject.TryEnterRead();

    public ValueTask EnterAsync(CancellationToken cancellationToken) => lockObject.EnterAsync(WaiterKind.Read, cancellationToken);

    public bool Enter(int millisecondsTimeout, CancellationToken cancellationToken) => lockObject.Enter(WaiterKind.Read, millisecondsTimeout, cancellationToken);

    public void Exit() => lockObject.ExitRead();
}
