namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// Counts the closures inside a model while the storm runs and records every breach of its rule: more than
/// <see cref="Bound"/> writers (exclusive: 1; semaphore: n), or a read beside a write.
/// </summary>
/// <remarks>
/// Each side increments its own counter with a full fence, then reads the other's: of two closures that overlap,
/// the later one to enter always sees the earlier one, so no overlap goes unseen.
/// </remarks>
internal sealed class ConcurrencyProbe(int bound)
{
    private int _writers;
    private int _readers;
    private int _maxWriters;
    private int _maxReaders;
    private int _violations;
    private string? _firstViolation;

    public int Bound { get; } = bound;

    public int MaxWriters => Volatile.Read(ref _maxWriters);

    public int MaxReaders => Volatile.Read(ref _maxReaders);

    public int Violations => Volatile.Read(ref _violations);

    public string? FirstViolation => Volatile.Read(ref _firstViolation);

    public int Inside => Volatile.Read(ref _writers) + Volatile.Read(ref _readers);

    public void EnterWrite(int id)
    {
        int writers = Interlocked.Increment(ref _writers);
        int readers = Volatile.Read(ref _readers);
        RaiseMax(ref _maxWriters, writers);
        if (writers > Bound || readers != 0)
        {
            Violate($"call {id} entered as writer {writers} of at most {Bound}, beside {readers} reader(s)");
        }
    }

    public void ExitWrite() => Interlocked.Decrement(ref _writers);

    public void EnterRead(int id)
    {
        int readers = Interlocked.Increment(ref _readers);
        int writers = Volatile.Read(ref _writers);
        RaiseMax(ref _maxReaders, readers);
        if (writers != 0)
        {
            Violate($"read {id} entered beside {writers} writer(s)");
        }
    }

    public void ExitRead() => Interlocked.Decrement(ref _readers);

    private void Violate(string what)
    {
        Interlocked.Increment(ref _violations);
        Interlocked.CompareExchange(ref _firstViolation, what, null);
    }

    private static void RaiseMax(ref int max, int value)
    {
        int seen = Volatile.Read(ref max);
        while (value > seen)
        {
            int previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
