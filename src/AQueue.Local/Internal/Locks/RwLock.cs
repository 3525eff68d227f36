using System.Diagnostics;

namespace AQueue.Local.Internal.Locks;

/// <summary>
/// A FIFO async reader-writer lock. Reads share, writes exclude. Waiters are served in arrival order, and
/// the reads at the head of the queue enter together, so once a write waits, the reads that come after it
/// wait behind it: neither side starves.
/// </summary>
/// <remarks>
/// <c>_state</c> holds the reader count, a writer bit and a flag that says the queue is not empty. While the
/// flag is set, every change of state happens under <c>_sync</c>; while it is clear, uncontended calls enter
/// and leave with a compare-and-swap alone.
/// </remarks>
internal sealed class RwLock : IWaiterOwner
{
    private const int WaitersFlag = 1 << 30;
    private const int WriterBit = 1 << 29;
    private const int ReaderMask = WriterBit - 1;

    private readonly Lock _sync = new();
    private WaiterList _waiters;
    private int _state;

    /// <summary>Reads running right now.</summary>
    public int CurrentReaderCount => Volatile.Read(ref _state) & ReaderMask;

    /// <summary>Whether a write is running right now.</summary>
    public bool IsWriteHeld => (Volatile.Read(ref _state) & WriterBit) != 0;

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
            int state = Volatile.Read(ref _state);
            bool writing = (state & WriterBit) != 0;
            Waiter? head = _waiters.Head;
            return new ModelSnapshot(writing ? 1 : state & ReaderMask, writing, _waiters.Count, _waiters.WriteCount > 0,
                head is null ? null : ModelSnapshot.AgeSince(head.QueuedAt));
        }
    }

    public bool TryEnterRead()
    {
        int state = Volatile.Read(ref _state);
        // No writer and nobody queued: join the readers.
        while (state < WriterBit)
        {
            if (state == ReaderMask)
            {
                ThrowTooManyReaders();
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

    public bool TryEnterWrite() => Interlocked.CompareExchange(ref _state, WriterBit, 0) == 0;

    public void ExitRead() => ExitRead(passToCall: false);

    /// <summary>As <see cref="ExitRead()"/>, but a queued write call that the lock would pass to is taken and returned to run.</summary>
    public CallWaiter? ExitReadOrTakeCall() => ExitRead(passToCall: true);

    public void ExitWrite() => ExitWrite(passToCall: false);

    /// <summary>As <see cref="ExitWrite()"/>, but a queued write call that the lock would pass to is taken and returned to run.</summary>
    public CallWaiter? ExitWriteOrTakeCall() => ExitWrite(passToCall: true);

    private CallWaiter? ExitRead(bool passToCall)
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            while (state < WriterBit)
            {
                if (state == 0)
                {
                    ThrowNotHeld();
                }

                int seen = Interlocked.CompareExchange(ref _state, state - 1, state);
                if (seen == state)
                {
                    return null;
                }

                state = seen;
            }

            lock (_sync)
            {
                // The queue may have emptied since _state was read (a grant or a cancel cleared the flag). Then the
                // fast paths run beside this monitor and a plain write here would undo theirs: go round again.
                if (_state < WriterBit)
                {
                    continue;
                }

                int readers = (_state & ReaderMask) - 1;
                if (readers < 0)
                {
                    ThrowNotHeld();
                }

                Volatile.Write(ref _state, (_state & ~ReaderMask) | readers);
                return GrantFromHead(passToCall);
            }
        }
    }

    private CallWaiter? ExitWrite(bool passToCall)
    {
        while (true)
        {
            if (Interlocked.CompareExchange(ref _state, 0, WriterBit) == WriterBit)
            {
                return null;
            }

            lock (_sync)
            {
                // As in ExitRead: if the flag was cleared meanwhile, the compare-and-swap path applies again.
                if (_state == WriterBit)
                {
                    continue;
                }

                if ((_state & WriterBit) == 0)
                {
                    ThrowNotHeld();
                }

                Volatile.Write(ref _state, _state & ~WriterBit);
                return GrantFromHead(passToCall);
            }
        }
    }

    public ValueTask EnterAsync(WaiterKind kind, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var waiter = EntryWaiter.Rent(kind, blocking: false, cancellationToken);
        if (TryEnterOrEnqueue(waiter))
        {
            waiter.ReturnUnused();
            return ValueTask.CompletedTask;
        }

        waiter.RegisterCancellation(this);
        return waiter.AsValueTask();
    }

    /// <summary>Blocks the thread until the lock is granted: a brief spin, then a real wait.</summary>
    /// <returns>False when <paramref name="millisecondsTimeout"/> passed first.</returns>
    public bool Enter(WaiterKind kind, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (SpinThenTryEnter(kind))
        {
            return true;
        }

        var waiter = EntryWaiter.Rent(kind, blocking: true, cancellationToken);
        if (TryEnterOrEnqueue(waiter))
        {
            return true;
        }

        return waiter.WaitBlocking(this, millisecondsTimeout);
    }

    private bool SpinThenTryEnter(WaiterKind kind)
    {
        var spinner = new SpinWait();
        for (int i = 0; i < SpinPolicy.Iterations; i++)
        {
            if (kind == WaiterKind.Read ? TryEnterRead() : TryEnterWrite())
            {
                return true;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return kind == WaiterKind.Read ? TryEnterRead() : TryEnterWrite();
    }

    /// <summary>Enters if the waiter's kind may enter now and nobody waits; otherwise queues <paramref name="waiter"/>.</summary>
    /// <returns>True when entered (the waiter was not queued).</returns>
    public bool TryEnterOrEnqueue(Waiter waiter)
    {
        bool read = waiter.Kind == WaiterKind.Read;
        lock (_sync)
        {
            int state = Volatile.Read(ref _state);
            while ((state & WaitersFlag) == 0)
            {
                bool free = read ? state < WriterBit : state == 0;
                int next = free ? (read ? state + 1 : WriterBit) : state | WaitersFlag;
                int seen = Interlocked.CompareExchange(ref _state, next, state);
                if (seen == state)
                {
                    if (free)
                    {
                        return true;
                    }

                    break;
                }

                state = seen;
            }

            _waiters.Enqueue(waiter);
            AssertInvariantsLocked();
            return false;
        }
    }

    /// <summary>
    /// Lets in what the head of the queue allows: one write when nothing runs, or every read up to the first
    /// queued write when no write runs. Caller holds <c>_sync</c>, and the waiters flag is set.
    /// </summary>
    /// <param name="passToCall">Whether a write call let in is taken for the releasing caller to run rather than granted.</param>
    /// <returns>The write call taken, which holds the lock now; otherwise null.</returns>
    private CallWaiter? GrantFromHead(bool passToCall)
    {
        int state = _state;
        CallWaiter? taken = null;
        while (_waiters.Head is { } head)
        {
            if (head.Kind == WaiterKind.Write)
            {
                if ((state & (WriterBit | ReaderMask)) != 0)
                {
                    break;
                }

                state |= WriterBit;
                _waiters.Remove(head);
                if (passToCall && head is CallWaiter call)
                {
                    call.Take();
                    taken = call;
                }
                else
                {
                    head.Grant();
                }

                break;
            }

            if ((state & WriterBit) != 0)
            {
                break;
            }

            // Reads are granted, never taken: they run side by side, each on its own pool thread.
            state++;
            _waiters.Remove(head);
            head.Grant();
        }

        if (_waiters.Count == 0)
        {
            state &= ~WaitersFlag;
        }

        Volatile.Write(ref _state, state);
        AssertInvariantsLocked();
        return taken;
    }

    /// <summary>Removes a waiter that has not been granted yet; a cancelled write lets in the reads behind it.</summary>
    public bool TryCancel(Waiter waiter)
    {
        lock (_sync)
        {
            if (!waiter.IsPending)
            {
                return false;
            }

            _waiters.Remove(waiter);
            waiter.Cancel();
            GrantFromHead(passToCall: false);
            return true;
        }
    }

    /// <summary>
    /// The invariants docs/architecture.md states in prose, checked under the monitor in Debug builds: a write never runs
    /// beside reads; while anyone waits, the flag routes every change through the monitor; and after a release or a
    /// cancel, whoever heads the queue could not have entered (a waiting write means something runs; a waiting read means
    /// a write runs), so nobody waits for a lock it could take.
    /// </summary>
    [Conditional("DEBUG")]
    private void AssertInvariantsLocked()
    {
        int state = Volatile.Read(ref _state);
        Debug.Assert((state & WriterBit) == 0 || (state & ReaderMask) == 0, "A write runs beside reads.");
        Debug.Assert(_waiters.Count == 0 || (state & WaitersFlag) != 0, "A caller waits, but the flag that routes changes through the monitor is clear.");
        Debug.Assert(
            _waiters.Head is not { } head
            || (head.Kind == WaiterKind.Write ? (state & (WriterBit | ReaderMask)) != 0 : (state & WriterBit) != 0),
            "The head of the queue could enter but waits.");
    }

    private static void ThrowNotHeld() =>
        throw new SynchronizationLockException("The reader-writer lock was released without being held.");

    private static void ThrowTooManyReaders() =>
        throw new InvalidOperationException("Too many concurrent readers.");
}
