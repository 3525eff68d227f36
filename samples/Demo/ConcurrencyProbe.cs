using System.Collections.Concurrent;

namespace AQueue.Samples.Demo;

/// <summary>Counts operations running at once per probe name, in the process that runs them.</summary>
public static class ConcurrencyProbe
{
    private static readonly ConcurrentDictionary<string, Gauge> s_gauges = new();

    public static Scope Enter(string probe)
    {
        Gauge gauge = s_gauges.GetOrAdd(probe, static _ => new Gauge());
        int now = Interlocked.Increment(ref gauge.Running);
        return new Scope(gauge, now);
    }

    public sealed class Gauge
    {
        public int Running;
    }

    /// <summary>One running operation; <see cref="PeakSeen"/> grows while others start beside it.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly Gauge _gauge;
        private int _peak;

        internal Scope(Gauge gauge, int runningAtStart)
        {
            _gauge = gauge;
            _peak = runningAtStart;
        }

        public int PeakSeen => Math.Max(_peak, Volatile.Read(ref _gauge.Running));

        public void Dispose()
        {
            _peak = PeakSeen;
            Interlocked.Decrement(ref _gauge.Running);
        }
    }
}
