using System.Threading.Tasks.Sources;

namespace AQueue.Local.Internal.Locks;

/// <summary>
/// One caller waiting for a lock: a node of the lock's FIFO list, and the thing the caller waits on, either
/// asynchronously (as a value task source) or by blocking its thread. Granted or cancelled exactly once,
/// always under the owning lock's monitor.
/// </summary>
internal sealed class Waiter : IValueTaskSource, IThreadPoolWorkItem
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

    // A grant is posted to the thread pool's global queue (the waiter is its own work item) and the caller's
    // continuation runs inside that work item, so any idle pool thread can pick it up; a cancellation completes
    // at once and queues the continuation. Either way a waiter's closure never runs inside Cancel() or on the
    // stack of the caller that released the lock.
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private readonly bool _blocking;
    private int _state;
    private CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;
    private IWaiterOwner? _owner;

    // The async waiter this thread last consumed, kept for the next call that has to queue on this thread: in a
    // contended loop, the thread that resumes a waiter is the one that queues next, so this avoids an allocation
    // per queued call.
    [ThreadStatic]
    private static Waiter? t_spare;

    public Waiter(WaiterKind kind, bool blocking)
    {
        Kind = kind;
        _blocking = blocking;
    }

    public WaiterKind Kind { get; private set; }

    public Waiter? Next { get; set; }

    public Waiter? Previous { get; set; }

    public bool IsPending => _state == Pending;

    /// <summary>A new waiter, or for an async one the spare this thread last consumed.</summary>
    public static Waiter Rent(WaiterKind kind, bool blocking)
    {
        Waiter? spare = t_spare;
        if (blocking || spare is null)
        {
            return new Waiter(kind, blocking);
        }

        t_spare = null;
        spare.Kind = kind;
        return spare;
    }

    /// <summary>Lets <paramref name="cancellationToken"/> take the waiter out of <paramref name="owner"/>'s queue; called once, after it is queued.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken, IWaiterOwner owner)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return;
        }

        _owner = owner;
        _cancellationToken = cancellationToken;
        _registration = cancellationToken.UnsafeRegister(s_cancel, this);
    }

    /// <summary>
    /// Blocks the thread until the waiter is granted, cancelled by <paramref name="cancellationToken"/>, or
    /// <paramref name="millisecondsTimeout"/> passes; a timed-out waiter leaves <paramref name="owner"/>'s queue.
    /// </summary>
    /// <returns>True when granted; false when timed out.</returns>
    /// <exception cref="OperationCanceledException">The token cancelled the wait.</exception>
    public bool WaitBlocking(IWaiterOwner owner, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        RegisterCancellation(cancellationToken, owner);
        try
        {
            if (BlockUntilDone(millisecondsTimeout, out bool cancelled))
            {
                return true;
            }

            if (!cancelled && owner.TryCancel(this))
            {
                // Timed out while still queued: removed, and nobody else's place changed.
                return false;
            }

            // Cancelled by the token (possibly racing the timeout), or granted between the timeout and the cancel.
            ThrowIfCancelled();
            return true;
        }
        finally
        {
            ReleaseRegistration();
        }
    }

    /// <summary>Marks the waiter granted and wakes it. Caller holds the lock's monitor.</summary>
    public void Grant() => Complete(Granted);

    /// <summary>Marks the waiter cancelled and wakes it. Caller holds the lock's monitor.</summary>
    public void Cancel() => Complete(Cancelled);

    private void Complete(int state)
    {
        if (_blocking)
        {
            lock (this)
            {
                _state = state;
                Monitor.Pulse(this);
            }

            return;
        }

        _state = state;
        if (state == Granted)
        {
            // Posted to the global queue; the caller's continuation then runs inside that work item.
            _core.RunContinuationsAsynchronously = false;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            // A cancelled waiter is done at once (its task is cancelled when Cancel() returns); only its
            // continuation is queued.
            _core.RunContinuationsAsynchronously = true;
            _core.SetException(new OperationCanceledException(_cancellationToken));
        }
    }

    void IThreadPoolWorkItem.Execute() => _core.SetResult(true);

    public ValueTask AsValueTask() => new(this, _core.Version);

    /// <summary>Blocks until granted, cancelled or <paramref name="millisecondsTimeout"/> passes.</summary>
    /// <returns>True when granted; false when cancelled or timed out (still queued in the latter case).</returns>
    public bool BlockUntilDone(int millisecondsTimeout, out bool cancelled)
    {
        long start = millisecondsTimeout == Timeout.Infinite ? 0 : Environment.TickCount64;
        lock (this)
        {
            while (_state == Pending)
            {
                int wait = Timeout.Infinite;
                if (millisecondsTimeout != Timeout.Infinite)
                {
                    wait = (int)Math.Max(0, millisecondsTimeout - (Environment.TickCount64 - start));
                    if (wait == 0)
                    {
                        break;
                    }
                }

                Monitor.Wait(this, wait);
            }

            cancelled = _state == Cancelled;
            return _state == Granted;
        }
    }

    /// <summary>Drops the cancellation registration, waiting for a callback that is running right now.</summary>
    public void ReleaseRegistration() => _registration.Dispose();

    public void ThrowIfCancelled()
    {
        if (_state == Cancelled)
        {
            throw new OperationCanceledException(_cancellationToken);
        }
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.GetResult(short token)
    {
        // The waiter is done: no registration may outlive it.
        _registration.Dispose();
        _core.GetResult(token);

        // Granted and consumed (a cancelled one threw above): it has left the queue and its registration is
        // gone, so nothing refers to it any more. A stale await of the old value task fails on the version.
        _core.Reset();
        _state = Pending;
        _cancellationToken = default;
        _registration = default;
        _owner = null;
        t_spare = this;
    }
}
