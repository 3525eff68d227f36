using System.Collections.Concurrent;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// How many storm PCModel operations run at once, per scope (a per-cluster model's key, or a per-silo model's key on one
/// silo), and the most ever seen. Static: TestCluster's silos run in the test's process.
/// </summary>
public static class SlotGauges
{
    private static readonly ConcurrentDictionary<string, Gauge> s_gauges = new();
    private static readonly ConcurrentDictionary<string, bool> s_killed = new();

    /// <summary>The scope of a PCModel operation: the key for a per-cluster model, the key on this silo for a per-silo one.</summary>
    public static string Scope(string key, bool perSilo, string silo) => perSilo ? $"{key} on {silo}" : key;

    /// <summary>
    /// Marks <paramref name="silo"/> killed: its operations still running no longer count. TestCluster's silos share the
    /// test's process, so a killed silo's running operations run on to their end beside the activation that replaces it;
    /// in a real kill they die with the process.
    /// </summary>
    public static void Killed(string silo) => s_killed[silo] = true;

    /// <summary>Counts call <paramref name="callId"/>'s operation as running in <paramref name="scope"/>, on <paramref name="silo"/>.</summary>
    public static void Enter(string scope, long callId, string silo)
    {
        Gauge gauge = s_gauges.GetOrAdd(scope, static _ => new Gauge());
        gauge.Holders[callId] = silo;
        if (Atomic.RaiseTo(ref gauge.Max, gauge.Holders.Count(h => !s_killed.ContainsKey(h.Value))))
        {
            // A new most: say who ran then (the call ids lead to the history).
            gauge.AtMost = string.Join(", ", gauge.Holders.Select(h => $"call {h.Key} on {h.Value}"));
        }
    }

    public static void Exit(string scope, long callId) => s_gauges[scope].Holders.TryRemove(callId, out _);

    /// <summary>The most operations seen at once in each scope whose name starts with <paramref name="prefix"/>, and which
    /// ran at that moment.</summary>
    public static Dictionary<string, (long Most, string? Who)> Max(string prefix) =>
        s_gauges.Where(g => g.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => (Interlocked.Read(ref g.Value.Max), g.Value.AtMost));

    private sealed class Gauge
    {
        public long Max;

        public ConcurrentDictionary<long, string> Holders { get; } = new();

        public string? AtMost { get; set; }
    }
}
