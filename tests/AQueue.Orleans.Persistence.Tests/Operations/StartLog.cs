using System.Collections.Concurrent;
using System.Diagnostics;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// When each <see cref="Stamped{TState}"/> operation really started, by call id (<see cref="Stopwatch"/> timestamps).
/// Static: TestCluster's silos run in the test's process, so the test reads what the silos wrote.
/// </summary>
public static class StartLog
{
    private static readonly ConcurrentDictionary<long, (long Latest, int Count)> s_starts = new();
    private static long s_lastCallId;
    private static long s_lastStart;

    /// <summary>A call id no other call of this process has.</summary>
    public static long NewCallId() => Interlocked.Increment(ref s_lastCallId);

    /// <summary>Records that call <paramref name="callId"/>'s operation starts now (a call may start more than once).</summary>
    public static void Started(long callId)
    {
        long now = Stopwatch.GetTimestamp();
        s_starts.AddOrUpdate(callId, static (_, now) => (now, 1), static (_, seen, now) => (Math.Max(seen.Latest, now), seen.Count + 1), now);
        Atomic.RaiseTo(ref s_lastStart, now);
    }

    /// <summary>When the latest operation of any call started (a <see cref="Stopwatch"/> timestamp; 0 before any).</summary>
    public static long LastStart => Interlocked.Read(ref s_lastStart);

    /// <summary>The latest start of call <paramref name="callId"/>'s operation and how many times it started.</summary>
    public static bool TryGet(long callId, out long latestStart, out int starts)
    {
        bool found = s_starts.TryGetValue(callId, out (long Latest, int Count) seen);
        (latestStart, starts) = seen;
        return found;
    }
}
