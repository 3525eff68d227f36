using System.Diagnostics;

namespace AQueue.Local.Internal.Locks;

/// <summary>
/// A FIFO async semaphore with direct hand-off: a released permit goes straight to the oldest waiter, so a
/// newcomer never overtakes the queue. The uncontended path is one compare-and-swap in and one out.
/// </summary>
/// <remarks>
/// <c>_state</c> holds the free permits and a flag that says the queue is not empty. While the flag is set,
/// every change of state happens under <c>_sync</c>; while it is clear, callers take and return permits
/// with a compare-and-swap alone.
/// </remarks>
internal sealed class PermitLock : IWaiterOwner
{
    private const int WaitersFlag = 1 << 30;
    private const int CountMask = WaitersFlag - 1;
    private const int MaxPermits = CountMask;

    private readonly Lock _sync = new();
    private WaiterList _waiters;
    private int _state;

    public PermitLock(int permits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permits, MaxPermits);
        MaxCount = permits;
        _state = permits;
    }

    public int MaxCount { get; }

    /// <summary>
    /// Whether a queued call spins before its caller awaits it: only while the permit holders cannot occupy
    /// every core, so a core is left for the spinner beside a combining holder.
    /// </summary>
    public bool SpinsWhenQueued => MaxCount < Environment.ProcessorCount;

    /// <summary>Free permits right now.</summary>
    public int CurrentCount => Volatile.Read(ref _state) & CountMask;

    /// <summary>Callers queued right now.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_sync)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Who holds the lock and who waits: under the monitor (consistent), or without it (for a debugger display,
    /// which must never block).</summary>
    public ModelSnapshot Snapshot(bool consistent)
    {
        if (!consistent)
        {
            return Read();
        }

        lock (_sync)
        {
            return Read();
        }

        ModelSnapshot Read()
        {
            int holders = MaxCount - (Volatile.Read(ref _state) & CountMask);
            Waiter? head = _waiters.Head;
            return new ModelSnapshot(holders, false, _waiters.Count, false, head is null ? null : ModelSnapshot.AgeSince(head.QueuedAt));
        }
    }

    public bool TryEnter()
    {
        int state = Volatile.Read(ref _state);
        // A free permit and an empty queue: take it. Any other state goes through the queue.
        while (state > 0 && state < WaitersFlag)
        {
            int seen = Interlocked.CompareExchange(ref _state, state - 1, state);
            if (seen == state)
            {
                return true;
            }

            state = seen;
        }

        return false;
    }

    public void Exit()
    {
        if (!TryExitFast())
        {
            ExitSlow(passToCall: false);
        }
    }

    /// <summary>
    /// Returns the permit, unless the oldest waiter is a queued call: the permit then passes to it without being
    /// returned, and the call is handed back for the caller to run.
    /// </summary>
    public CallWaiter? ExitOrTakeCall() => TryExitFast() ? null : ExitSlow(passToCall: true);

    public ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var waiter = EntryWaiter.Rent(WaiterKind.Permit, blocking: false, cancellationToken);
        if (TryEnterOrEnqueue(waiter))
        {
            waiter.ReturnUnused();
            return ValueTask.CompletedTask;
        }

        waiter.RegisterCancellation(this);
        return waiter.AsValueTask();
    }

    /// <summary>Blocks the thread until a permit is free: a brief spin, then a real wait.</summary>
    /// <returns>False when <paramref name="millisecondsTimeout"/> passed first.</returns>
    public bool Enter(int millisecondsTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (SpinThenTryEnter())
        {
            return true;
        }

        var waiter = EntryWaiter.Rent(WaiterKind.Permit, blocking: true, cancellationToken);
        if (TryEnterOrEnqueue(waiter))
        {
            waiter.ReturnUnused();
            return true;
        }

        return waiter.WaitBlocking(this, millisecondsTimeout);
    }

    private bool SpinThenTryEnter()
    {
        var spinner = new SpinWait();
        for (int i = 0; i < SpinPolicy.Iterations; i++)
        {
            if (TryEnter())
            {
                return true;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return TryEnter();
    }

    /// <summary>Takes a permit if one is free and nobody waits; otherwise queues <paramref name="waiter"/>.</summary>
    /// <returns>True when a permit was taken (the waiter was not queued).</returns>
    public bool TryEnterOrEnqueue(Waiter waiter)
    {
        lock (_sync)
        {
            int state = Volatile.Read(ref _state);
            while (true)
            {
                if (state > 0 && state < WaitersFlag)
                {
                    int seen = Interlocked.CompareExchange(ref _state, state - 1, state);
                    if (seen == state)
                    {
                        return true;
                    }

                    state = seen;
                    continue;
                }

                if ((state & WaitersFlag) != 0)
                {
                    break;
                }

                // No permit: raise the flag so that releasers come through the monitor and hand off to us.
                int flagged = Interlocked.CompareExchange(ref _state, state | WaitersFlag, state);
                if (flagged == state)
                {
                    break;
                }

                state = flagged;
            }

            _waiters.Enqueue(waiter);
            AssertInvariantsLocked();
            return false;
        }
    }

    /// <summary>Returns a permit with a compare-and-swap while nobody waits.</summary>
    /// <returns>False when the queue is not empty: the release has to go through the monitor.</returns>
    private bool TryExitFast()
    {
        int state = Volatile.Read(ref _state);
        while (state < WaitersFlag)
        {
            if ((state & CountMask) >= MaxCount)
            {
                ThrowOverRelease();
            }

            int seen = Interlocked.CompareExchange(ref _state, state + 1, state);
            if (seen == state)
            {
                return true;
            }

            state = seen;
        }

        return false;
    }

    private CallWaiter? ExitSlow(bool passToCall)
    {
        while (true)
        {
            lock (_sync)
            {
                // The flag may have been cleared since the caller read it (a hand-off or a cancel emptied the
                // queue). Then the fast paths run beside this monitor, and a plain write here would undo theirs.
                if ((_state & WaitersFlag) != 0)
                {
                    return PassOnLocked(passToCall);
                }
            }

            if (TryExitFast())
            {
                return null;
            }
        }
    }

    private CallWaiter? PassOnLocked(bool passToCall)
    {
        Waiter? next = _waiters.Head;
        if (next is null)
        {
            int count = (_state & CountMask) + 1;
            if (count > MaxCount)
            {
                ThrowOverRelease();
            }

            Volatile.Write(ref _state, count);
            return null;
        }

        // Hand the permit straight over; the count does not change.
        _waiters.Remove(next);
        if (_waiters.Count == 0)
        {
            Volatile.Write(ref _state, _state & CountMask);
        }

        AssertInvariantsLocked();

        if (passToCall && next is CallWaiter call)
        {
            call.Take();
            return call;
        }

        next.Grant();
        return null;
    }

    /// <summary>Removes a waiter that has not been granted yet. Nobody else's place changes.</summary>
    public bool TryCancel(Waiter waiter)
    {
        lock (_sync)
        {
            if (!waiter.IsPending)
            {
                return false;
            }

            _waiters.Remove(waiter);
            if (_waiters.Count == 0)
            {
                Volatile.Write(ref _state, _state & CountMask);
            }

            AssertInvariantsLocked();
            waiter.Cancel();
            return true;
        }
    }

    /// <summary>
    /// The invariants docs/architecture.md states in prose ("the lock word"), checked under the monitor in Debug builds:
    /// never more free permits than exist; while anyone waits, the flag routes every release through the monitor, and no
    /// permit is free (a released permit goes straight to the oldest waiter).
    /// </summary>
    [Conditional("DEBUG")]
    private void AssertInvariantsLocked()
    {
        int state = Volatile.Read(ref _state);
        Debug.Assert((state & CountMask) <= MaxCount, "More permits are free than exist.");
        Debug.Assert(_waiters.Count == 0 || (state & WaitersFlag) != 0, "A caller waits, but the flag that routes releases through the monitor is clear.");
        Debug.Assert(_waiters.Count == 0 || (state & CountMask) == 0, "A permit is free while a caller waits: a hand-off was missed.");
    }

    private static void ThrowOverRelease() =>
        throw new SemaphoreFullException("A permit was returned that was never taken.");
}
