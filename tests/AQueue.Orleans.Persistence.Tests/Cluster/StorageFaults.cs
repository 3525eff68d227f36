using System.Collections.Concurrent;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// What <see cref="FaultyGrainStorage"/> does for a model key, and what it counted. Keys are unique per test, so tests
/// sharing the cluster do not see each other's faults.
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<string, Fault> s_faults = new();
    private static readonly ConcurrentDictionary<string, int> s_reads = new();
    private static readonly ConcurrentDictionary<string, int> s_writes = new();
    private static long s_longestHoldTicks;
    private static int s_holdsOver100Ms;

    /// <summary>The longest a write held its caller's thread (until the storage returned its task) since <see cref="ResetHolds"/>.</summary>
    public static TimeSpan LongestHold => TimeSpan.FromTicks(Interlocked.Read(ref s_longestHoldTicks));

    /// <summary>How many writes held their caller's thread more than 100 ms since <see cref="ResetHolds"/>.</summary>
    public static int HoldsOver100Ms => Volatile.Read(ref s_holdsOver100Ms);

    public static void Set(string key, Fault fault) => s_faults[key] = fault;

    public static Fault Get(string key) => s_faults.GetValueOrDefault(key);

    public static int Reads(string key) => s_reads.GetValueOrDefault(key);

    public static int Writes(string key) => s_writes.GetValueOrDefault(key);

    public static void ResetHolds()
    {
        Interlocked.Exchange(ref s_longestHoldTicks, 0);
        Interlocked.Exchange(ref s_holdsOver100Ms, 0);
    }

    internal static void CountRead(string key) => s_reads.AddOrUpdate(key, 1, (_, n) => n + 1);

    internal static void CountWrite(string key) => s_writes.AddOrUpdate(key, 1, (_, n) => n + 1);

    internal static void CountHold(TimeSpan held)
    {
        Atomic.RaiseTo(ref s_longestHoldTicks, held.Ticks);
        if (held > TimeSpan.FromMilliseconds(100))
        {
            Interlocked.Increment(ref s_holdsOver100Ms);
        }
    }
}
