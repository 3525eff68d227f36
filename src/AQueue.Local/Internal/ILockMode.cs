namespace AQueue.Local.Internal;

/// <summary>
/// How a call takes and gives back its lock. Implemented by small structs so that the generic runner is
/// specialised, and inlined, per mode.
/// </summary>
internal interface ILockMode
{
    ReentrancyGuard Guard { get; }

    bool TryEnter();

    ValueTask EnterAsync(CancellationToken cancellationToken);

    bool Enter(int millisecondsTimeout, CancellationToken cancellationToken);

    void Exit();
}
