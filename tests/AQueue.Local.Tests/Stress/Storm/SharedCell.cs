using System.Collections.Concurrent;

namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// State for bounded models (PCModel, SemaphoreQueue): closures share it, so it is thread-safe, and its
/// writes add atomically. The probe checks the bound; the sum checks that every applied write counted once.
/// </summary>
internal sealed class SharedCell : IStormCell
{
    private readonly ConcurrentQueue<int> _applied = new();
    private long _sum;
    private long _quick;

    public long Sum => Volatile.Read(ref _sum);

    public long QuickCount => Volatile.Read(ref _quick);

    public IReadOnlyList<int> Applied => [.. _applied];

    public long Begin() => 0;

    public void End(long snapshot, int id, long amount)
    {
        Interlocked.Add(ref _sum, amount);
        _applied.Enqueue(id);
    }

    public long Peek() => Volatile.Read(ref _sum);

    public void AddQuick()
    {
        Interlocked.Increment(ref _sum);
        Interlocked.Increment(ref _quick);
    }
}
