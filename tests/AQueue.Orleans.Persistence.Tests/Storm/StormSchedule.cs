namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The storm's faults, drawn from the seed: which fault each round injects (given how many silos are up), on which silo,
/// for how long, and the calm between rounds. Only the cluster's state feeds back into the choices, and it follows from
/// them, so a seed replays the same schedule.
/// </summary>
/// <remarks>
/// A short storm covers every fault once: each round picks among the faults not injected yet that the cluster allows
/// (a kill or a stop needs three silos up; a start, fewer), and it ends once all four happened and three silos are up.
/// A soak picks with weights until its time is up, then starts silos back. The first kill or stop hits the secondary
/// that holds the most models; later ones do so half the time. A kill or a stop may run beside a storage outage.
/// </remarks>
public sealed class StormSchedule(int seed, TimeSpan? soak)
{
    private readonly Random _random = new(unchecked(seed * 7919 + 17));
    private readonly HashSet<StormFault> _done = [];
    private bool _hitMost;

    /// <summary>A soak (minutes, weighted choices) rather than the short storm.</summary>
    public bool IsSoak => soak is not null;

    /// <summary>The next round's fault, or null when the storm is over.</summary>
    /// <param name="silosUp">How many silos are up (the primary and the secondaries).</param>
    /// <param name="elapsed">How long the storm has run.</param>
    public StormFault? Next(int silosUp, TimeSpan elapsed)
    {
        bool full = silosUp >= HonestyClusterFixture.Silos;
        StormFault[] allowed = full ? [StormFault.Kill, StormFault.Stop, StormFault.StorageOutage] : [StormFault.Start, StormFault.StorageOutage];
        StormFault fault;
        if (soak is { } length)
        {
            if (elapsed >= length)
            {
                return full ? null : StormFault.Start;
            }

            int roll = _random.Next(100);
            fault = full
                ? roll switch { < 35 => StormFault.Kill, < 65 => StormFault.Stop, _ => StormFault.StorageOutage }
                : roll < 75 ? StormFault.Start : StormFault.StorageOutage;
        }
        else
        {
            StormFault[] missing = [.. allowed.Where(f => !_done.Contains(f))];
            if (missing.Length == 0)
            {
                if (full && _done.Count == Enum.GetValues<StormFault>().Length)
                {
                    return null;
                }

                // Every fault this state allows has happened: bring the silos back.
                missing = [StormFault.Start];
            }

            fault = missing[_random.Next(missing.Length)];
        }

        _done.Add(fault);
        return fault;
    }

    /// <summary>Whether this kill or stop hits the secondary holding the most models (always the first time).</summary>
    public bool HitsMost()
    {
        bool most = !_hitMost || _random.Next(2) == 0;
        _hitMost = true;
        return most;
    }

    /// <summary>Whether a storage outage runs beside this kill or stop.</summary>
    public bool Overlaps() => _random.Next(100) < (IsSoak ? 25 : 40);

    /// <summary>How long a storage outage lasts.</summary>
    public TimeSpan OutageLength() => TimeSpan.FromMilliseconds(_random.Next(500, IsSoak ? 3000 : 1500));

    /// <summary>The calm before the next round.</summary>
    public TimeSpan Calm() => TimeSpan.FromMilliseconds(IsSoak ? _random.Next(1000, 4000) : _random.Next(300, 1000));

    /// <summary>Picks one of <paramref name="count"/> silos.</summary>
    public int Pick(int count) => _random.Next(count);
}
