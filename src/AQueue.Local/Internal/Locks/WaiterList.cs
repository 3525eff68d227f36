namespace AQueue.Local.Internal.Locks;

/// <summary>An intrusive FIFO of waiters with O(1) removal from anywhere. Guarded by the owning lock's monitor.</summary>
internal struct WaiterList
{
    private Waiter? _head;
    private Waiter? _tail;

    public readonly Waiter? Head => _head;

    public int Count { readonly get; private set; }

    /// <summary>How many of the waiters ask for a write.</summary>
    public int WriteCount { readonly get; private set; }

    public void Enqueue(Waiter waiter)
    {
        // A coarse clock (milliseconds): the snapshot's "oldest waiter" needs no more, and it costs a few nanoseconds.
        waiter.QueuedAt = Environment.TickCount64;
        if (waiter.Kind == WaiterKind.Write)
        {
            WriteCount++;
        }

        waiter.Previous = _tail;
        waiter.Next = null;
        if (_tail is null)
        {
            _head = waiter;
        }
        else
        {
            _tail.Next = waiter;
        }

        _tail = waiter;
        Count++;
    }

    public void Remove(Waiter waiter)
    {
        if (waiter.Previous is null)
        {
            _head = waiter.Next;
        }
        else
        {
            waiter.Previous.Next = waiter.Next;
        }

        if (waiter.Next is null)
        {
            _tail = waiter.Previous;
        }
        else
        {
            waiter.Next.Previous = waiter.Previous;
        }

        waiter.Next = null;
        waiter.Previous = null;
        Count--;
        if (waiter.Kind == WaiterKind.Write)
        {
            WriteCount--;
        }
    }
}
