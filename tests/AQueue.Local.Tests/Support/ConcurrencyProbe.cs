namespace AQueue.Local.Tests.Support;

/// <summary>
/// Measures concurrency from inside closures: how many run at once (the maximum ever seen), whether an
/// exclusive closure ever overlapped another, and an ordered log of every start and end.
/// </summary>
/// <remarks>
/// One monitor orders the counter and the log together, so the log is a true interleaving: an event's
/// <see cref="ProbeEvent.RunningAfter"/> is exactly the number of closures inside the probe at that moment.
/// </remarks>
public sealed class ConcurrencyProbe
{
    private readonly Lock _sync = new();
    private readonly List<ProbeEvent> _events = [];
    private int _running;
    private int _runningExclusive;
    private int _max;
    private int _violations;

    /// <summary>The most closures seen inside the probe at once.</summary>
    public int MaxConcurrent
    {
        get
        {
            lock (_sync)
            {
                return _max;
            }
        }
    }

    /// <summary>Closures inside the probe right now.</summary>
    public int Running
    {
        get
        {
            lock (_sync)
            {
                return _running;
            }
        }
    }

    /// <summary>How often an exclusive closure started beside another, or any closure beside an exclusive one.</summary>
    public int ExclusivityViolations
    {
        get
        {
            lock (_sync)
            {
                return _violations;
            }
        }
    }

    /// <summary>A snapshot of the log, in the order the events happened.</summary>
    public IReadOnlyList<ProbeEvent> Events
    {
        get
        {
            lock (_sync)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The ids in the order their closures started.</summary>
    public IReadOnlyList<int> StartOrder => [.. Events.Where(e => e.Kind == ProbeEventKind.Start).Select(e => e.Id)];

    /// <summary>The ids in the order their closures ended.</summary>
    public IReadOnlyList<int> EndOrder => [.. Events.Where(e => e.Kind == ProbeEventKind.End).Select(e => e.Id)];

    /// <summary>The ids that started at least once.</summary>
    public bool Started(int id) => Events.Any(e => e.Id == id && e.Kind == ProbeEventKind.Start);

    /// <summary>Records that closure <paramref name="id"/> starts.</summary>
    public void Enter(int id, bool exclusive = false)
    {
        lock (_sync)
        {
            if (_runningExclusive > 0 || (exclusive && _running > 0))
            {
                _violations++;
            }

            _running++;
            if (exclusive)
            {
                _runningExclusive++;
            }

            _max = Math.Max(_max, _running);
            _events.Add(new ProbeEvent(id, ProbeEventKind.Start, exclusive, _running, Environment.CurrentManagedThreadId));
        }
    }

    /// <summary>Records that closure <paramref name="id"/> ends.</summary>
    public void Exit(int id, bool exclusive = false)
    {
        lock (_sync)
        {
            _running--;
            if (exclusive)
            {
                _runningExclusive--;
            }

            _events.Add(new ProbeEvent(id, ProbeEventKind.End, exclusive, _running, Environment.CurrentManagedThreadId));
        }
    }

    /// <summary>Runs <paramref name="body"/> between <see cref="Enter"/> and <see cref="Exit"/>.</summary>
    public async ValueTask<T> MeasureAsync<T>(int id, Func<ValueTask<T>> body, bool exclusive = false)
    {
        Enter(id, exclusive);
        try
        {
            return await body().ConfigureAwait(false);
        }
        finally
        {
            Exit(id, exclusive);
        }
    }

    /// <summary>Runs <paramref name="body"/> between <see cref="Enter"/> and <see cref="Exit"/>.</summary>
    public T Measure<T>(int id, Func<T> body, bool exclusive = false)
    {
        Enter(id, exclusive);
        try
        {
            return body();
        }
        finally
        {
            Exit(id, exclusive);
        }
    }
}
