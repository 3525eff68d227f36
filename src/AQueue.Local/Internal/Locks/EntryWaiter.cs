using System.Threading.Tasks.Sources;

namespace AQueue.Local.Internal.Locks;

/// <summary>
/// A caller that waits only to enter the lock, either asynchronously (as a value task source) or by blocking its
/// thread; what it runs afterwards is its own business. Used by blocking calls and timed calls.
/// </summary>
internal sealed class EntryWaiter : Waiter, IValueTaskSource, IThreadPoolWorkItem
{
    // A grant is posted to the thread pool's global queue (the waiter is its own work item) and the caller's
    // continuation runs inside that work item, so any idle pool thread can pick it up; a cancellation completes
    // at once and queues the continuation. Either way the caller never resumes inside Cancel() or on the stack of
    // the caller that released the lock.
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private readonly bool _blocking;

    // The async waiter this thread last consumed, kept for the next call that has to queue on this thread.
    [ThreadStatic]
    private static EntryWaiter? t_spare;

    private EntryWaiter(WaiterKind kind, bool blocking)
    {
        Kind = kind;
        _blocking = blocking;
    }

    /// <summary>A new waiter, or for an async one the spare this thread last consumed.</summary>
    public static EntryWaiter Rent(WaiterKind kind, bool blocking, CancellationToken cancellationToken)
    {
        EntryWaiter? spare = t_spare;
        if (blocking || spare is null)
        {
            return new EntryWaiter(kind, blocking) { CancellationToken = cancellationToken };
        }

        t_spare = null;
        spare.Kind = kind;
        spare.CancellationToken = cancellationToken;
        return spare;
    }

    /// <summary>Gives back a waiter that was never queued (the lock was free after all).</summary>
    public void ReturnUnused()
    {
        CancellationToken = default;
        if (!_blocking)
        {
            t_spare = this;
        }
    }

    /// <summary>
    /// Blocks the thread until the waiter is granted, cancelled by its token, or <paramref name="millisecondsTimeout"/>
    /// passes; a timed-out waiter leaves <paramref name="owner"/>'s queue.
    /// </summary>
    /// <returns>True when granted; false when timed out.</returns>
    /// <exception cref="OperationCanceledException">The token cancelled the wait.</exception>
    public bool WaitBlocking(IWaiterOwner owner, int millisecondsTimeout)
    {
        RegisterCancellation(owner);
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
            if (IsCancelled)
            {
                throw new OperationCanceledException(CancellationToken);
            }

            return true;
        }
        finally
        {
            ReleaseRegistration();
        }
    }

    protected override void OnGranted()
    {
        if (_blocking)
        {
            Wake();
            return;
        }

        // Posted to the global queue; the caller's continuation then runs inside that work item.
        _core.RunContinuationsAsynchronously = false;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    protected override void OnCancelled()
    {
        if (_blocking)
        {
            Wake();
            return;
        }

        // Done at once (its task is cancelled when Cancel() returns); only its continuation is queued.
        _core.RunContinuationsAsynchronously = true;
        _core.SetException(new OperationCanceledException(CancellationToken));
    }

    private void Wake()
    {
        lock (this)
        {
            Monitor.Pulse(this);
        }
    }

    void IThreadPoolWorkItem.Execute() => _core.SetResult(true);

    public ValueTask AsValueTask() => new(this, _core.Version);

    /// <summary>Blocks until granted, cancelled or <paramref name="millisecondsTimeout"/> passes.</summary>
    /// <returns>True when granted; false when cancelled or timed out (still queued in the latter case).</returns>
    private bool BlockUntilDone(int millisecondsTimeout, out bool cancelled)
    {
        long start = millisecondsTimeout == Timeout.Infinite ? 0 : Environment.TickCount64;
        lock (this)
        {
            while (IsPending)
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

            cancelled = IsCancelled;
            return IsGranted;
        }
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.GetResult(short token)
    {
        // The waiter is done: no registration may outlive it.
        ReleaseRegistration();
        _core.GetResult(token);

        // Granted and consumed (a cancelled one threw above): it has left the queue and its registration is
        // gone, so nothing refers to it any more. A stale await of the old value task fails on the version.
        _core.Reset();
        ResetWaiter();
        t_spare = this;
    }
}
