namespace AQueue.Local.Internal.Locks;

/// <summary>
/// One caller queued in a lock: a node of the lock's FIFO list, granted or cancelled exactly once, always under
/// the owning lock's monitor. What a grant does (wake a thread, resume an awaiter, run a closure) is the
/// subclass's business.
/// </summary>
internal abstract class Waiter
{
    private const int Pending = 0;
    private const int Granted = 1;
    private const int Cancelled = 2;

    // One static callback, the waiter as its state: registering allocates nothing.
    private static readonly Action<object?> s_cancel = static state =>
    {
        var waiter = (Waiter)state!;
        waiter._owner?.TryCancel(waiter);
    };

    private volatile int _state;
    private CancellationTokenRegistration _registration;
    private IWaiterOwner? _owner;

    public WaiterKind Kind { get; protected set; }

    public Waiter? Next { get; set; }

    public Waiter? Previous { get; set; }

    /// <summary>When it joined its lock's queue (<see cref="Environment.TickCount64"/>), for the lock's snapshot.</summary>
    public long QueuedAt { get; set; }

    public bool IsPending => _state == Pending;

    protected bool IsGranted => _state == Granted;

    protected bool IsCancelled => _state == Cancelled;

    /// <summary>The caller's token: it cancels the wait, and a queued call's closure receives it.</summary>
    protected CancellationToken CancellationToken { get; set; }

    /// <summary>Lets <see cref="CancellationToken"/> take the waiter out of <paramref name="owner"/>'s queue; called once, after it is queued.</summary>
    public void RegisterCancellation(IWaiterOwner owner)
    {
        if (!CancellationToken.CanBeCanceled)
        {
            return;
        }

        _owner = owner;
        _registration = CancellationToken.UnsafeRegister(s_cancel, this);
    }

    /// <summary>Marks the waiter granted and lets it go on. Caller holds the lock's monitor.</summary>
    public void Grant()
    {
        _state = Granted;
        OnGranted();
    }

    /// <summary>Marks the waiter cancelled and wakes it. Caller holds the lock's monitor.</summary>
    public void Cancel()
    {
        _state = Cancelled;
        OnCancelled();
    }

    /// <summary>
    /// Marks the waiter granted without letting it go on: the releasing caller holds the lock for it and decides
    /// where it runs. Caller holds the lock's monitor.
    /// </summary>
    protected void MarkTaken() => _state = Granted;

    protected abstract void OnGranted();

    protected abstract void OnCancelled();

    /// <summary>Drops the cancellation registration, waiting for a callback that is running right now.</summary>
    protected void ReleaseRegistration() => _registration.Dispose();

    /// <summary>Back to a fresh, pending waiter. Only once it is out of every queue and its registration is released.</summary>
    protected void ResetWaiter()
    {
        _state = Pending;
        CancellationToken = default;
        _registration = default;
        _owner = null;
    }
}
