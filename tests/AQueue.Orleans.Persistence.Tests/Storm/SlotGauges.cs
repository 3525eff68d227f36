using System.Collections.Concurrent;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// How many storm PCModel operations run at once, per scope (a per-cluster model's key, or a per-silo model's key on one
/// silo), and the most ever seen. Static: TestCluster's silos run in the test's process.
/// </summary>
public static class SlotGauges
{
    private static readonly ConcurrentDictionary<string, Gauge> s_gauges = new();

    /// <summary>The scope of a PCModel operation: the key for a per-cluster model, the key on this silo for a per-silo one.</summary>
    public static string Scope(string key, bool perSilo, string silo) => perSilo ? $"{key} on {silo}" : key;

    public static void Enter(string scope)
    {
        Gauge gauge = s_gauges.GetOrAdd(scope, static _ => new Gauge());
        Atomic.RaiseTo(ref gauge.Max, Interlocked.Increment(ref gauge.Running));
    }

    public static void Exit(string scope) => Interlocked.Decrement(ref s_gauges[scope].Running);

    /// <summary>The most operations seen at once in each scope whose name starts with <paramref name="prefix"/>.</summary>
    public static Dictionary<string, long> Max(string prefix) =>
        s_gauges.Where(g => g.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(g => g.Key, g => Interlocked.Read(ref g.Value.Max));

    private sealed class Gauge
    {
        public long Running;
        public long Max;
    }
}
