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

    public static void Set(string key, Fault fault) => s_faults[key] = fault;

    public static Fault Get(string key) => s_faults.GetValueOrDefault(key);

    public static int Reads(string key) => s_reads.GetValueOrDefault(key);

    public static int Writes(string key) => s_writes.GetValueOrDefault(key);

    internal static void CountRead(string key) => s_reads.AddOrUpdate(key, 1, (_, n) => n + 1);

    internal static void CountWrite(string key) => s_writes.AddOrUpdate(key, 1, (_, n) => n + 1);
}
