using System.Collections.Concurrent;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The honesty test's seeded load: caller loops, each sending bursts of concurrent <see cref="Stamped{TState}"/> calls
/// to one model (so they queue behind each other), every call choosing at random to wait, cancel its token after
/// 0-30 ms, send an already cancelled token, or use a 1-30 ms timeout. Records what every caller was told, and when.
/// </summary>
public sealed class HonestyLoad : IAsyncDisposable
{
    private const int KeysPerModel = 2;

    /// <summary>The models of a load, one row per model kind and mapping, with the targets a call to it may choose.</summary>
    private static readonly CallTarget[][] s_models =
    [
        [CallTarget.ActorPersisted],
        [CallTarget.ActorInMemory],
        [CallTarget.RwWritePreferringWrite, CallTarget.RwWritePreferringRead],
        [CallTarget.RwReadOnlyInterleavingWrite, CallTarget.RwReadOnlyInterleavingRead],
        [CallTarget.PCModelPerSilo],
        [CallTarget.PCModelPerCluster],
    ];

    private readonly CallerLoops _loops;
    private readonly string _run;
    private readonly ConcurrentQueue<StampedCall> _calls = new();
    private volatile LoadPhase _phase;

    public HonestyLoad(int seed, LoadPhase phase)
    {
        _loops = new CallerLoops(seed);
        _run = Guid.NewGuid().ToString("N")[..8];
        _phase = phase;
    }

    /// <summary>Stamps the calls sent from now on.</summary>
    public LoadPhase Phase
    {
        get => _phase;
        set => _phase = value;
    }

    /// <summary>Every call answered so far.</summary>
    public StampedCall[] Calls => [.. _calls];

    /// <summary>Every model of the load (a target and a key), once each.</summary>
    public IEnumerable<(CallTarget Target, string Key)> Models =>
        s_models.SelectMany(targets => Enumerable.Range(0, KeysPerModel).Select(k => (targets[0], KeyOf(targets[0], k))));

    /// <summary>
    /// How many models live on each silo, asked of each model from <paramref name="models"/> (per-silo PCModels left out:
    /// every silo that calls one has its own worker).
    /// </summary>
    public async Task<Dictionary<string, int>> LocateAsync(IModelProvider models)
    {
        var found = new Dictionary<string, int>();
        foreach ((CallTarget target, string key) in Models.Where(m => m.Target != CallTarget.PCModelPerSilo))
        {
            string silo = await PingAsync(models, target, key);
            found[silo] = found.GetValueOrDefault(silo) + 1;
        }

        return found;
    }

    /// <summary>
    /// Activates the models one silo after another, each from the silo it should live on: Orleans' default placement
    /// (resource-optimised) prefers the calling silo when the silos' loads are alike, as they are in one process.
    /// </summary>
    public async Task PlaceAsync(IReadOnlyList<IModelProvider> silos)
    {
        int i = 0;
        foreach ((CallTarget target, string key) in Models.Where(m => m.Target != CallTarget.PCModelPerSilo))
        {
            await PingAsync(silos[i++ % silos.Count], target, key);
        }
    }

    /// <summary>Starts <paramref name="loops"/> caller loops on <paramref name="models"/>, named <paramref name="name"/>.</summary>
    public void AddCallers(string name, IModelProvider models, int loops) =>
        _loops.Add(name, loops, (random, stop) => LoopAsync(name, models, random, stop));

    /// <summary>Stops the loops named <paramref name="name"/> and waits until their calls are answered.</summary>
    public Task RemoveCallersAsync(string name) => _loops.RemoveAsync(name);

    /// <summary>Stops every loop and waits until its calls are answered.</summary>
    public Task StopAsync() => _loops.StopAsync();

    public ValueTask DisposeAsync() => _loops.DisposeAsync();

    /// <summary>Sends one call that waits for its answer, with a fresh call id and no work: does the model answer?</summary>
    public static ValueTask<string> PingAsync(IModelProvider models, CallTarget target, string key) =>
        SendAsync(models, target, key, StartLog.NewCallId(), 0, null, CancellationToken.None);

    private string KeyOf(CallTarget target, int index) => target switch
    {
        CallTarget.ActorPersisted => $"f/honesty/{_run}/actor/{index}",
        CallTarget.ActorInMemory => $"m/honesty/{_run}/actor/{index}",
        CallTarget.RwWritePreferringWrite or CallTarget.RwWritePreferringRead => $"f/honesty/{_run}/rw/{index}",
        CallTarget.RwReadOnlyInterleavingWrite or CallTarget.RwReadOnlyInterleavingRead => $"m/honesty/{_run}/ro/{index}",
        CallTarget.PCModelPerSilo => $"honesty/{_run}/pc-silo/{index}",
        CallTarget.PCModelPerCluster => $"honesty/{_run}/pc-cluster/{index}",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    private async Task LoopAsync(string caller, IModelProvider models, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // A burst of 2-6 calls to one model: they queue behind each other, and some give up while queued.
            CallTarget[] targets = s_models[random.Next(s_models.Length)];
            string key = KeyOf(targets[0], random.Next(KeysPerModel));
            var burst = new Task[random.Next(2, 7)];
            for (int i = 0; i < burst.Length; i++)
            {
                CallTarget target = targets[random.Next(targets.Length)];
                int roll = random.Next(100);
                (CallerMove move, int milliseconds) = roll switch
                {
                    < 35 => (CallerMove.Waits, 0),
                    < 70 => (CallerMove.CancelsAfter, random.Next(0, 31)),
                    < 80 => (CallerMove.CancelledBefore, 0),
                    _ => (CallerMove.TimesOut, random.Next(1, 31)),
                };
                burst[i] = CallAsync(caller, models, target, key, move, milliseconds, workMilliseconds: random.Next(1, 5));
            }

            await Task.WhenAll(burst);
        }
    }

    private async Task CallAsync(string caller, IModelProvider models, CallTarget target, string key, CallerMove move, int moveMilliseconds, int workMilliseconds)
    {
        var call = new StampedCall
        {
            Id = StartLog.NewCallId(),
            Target = target,
            Key = key,
            Move = move,
            MoveMilliseconds = moveMilliseconds,
            Caller = caller,
            Phase = _phase,
        };
        Told<string> told = await CallerMoves.MakeAsync(
            move, moveMilliseconds, (timeout, token) => SendAsync(models, target, key, call.Id, workMilliseconds, timeout, token));
        call.Record(told);
        call.RanOn = told.Result;
        _calls.Enqueue(call);
    }

    private static ValueTask<string> SendAsync(
        IModelProvider models, CallTarget target, string key, long id, int workMilliseconds, TimeSpan? timeout, CancellationToken token)
    {
        switch (target)
        {
            case CallTarget.ActorPersisted or CallTarget.ActorInMemory:
            {
                IActor<long> actor = models.GetActor<long>(key);
                var operation = new Stamped<long>(id, workMilliseconds);
                return timeout is { } t ? actor.InnerCallAsync(operation, t, token) : actor.InnerCallAsync(operation, token);
            }

            case CallTarget.RwWritePreferringWrite:
                return Write(models.GetRwModel<long>(key), new Stamped<long>(id, workMilliseconds), timeout, token);

            case CallTarget.RwWritePreferringRead:
                return Read(models.GetRwModel<long>(key), new Stamped<long>(id, workMilliseconds), timeout, token);

            case CallTarget.RwReadOnlyInterleavingWrite:
                return Write(models.GetRwModel<InterleavedTally>(key), new Stamped<InterleavedTally>(id, workMilliseconds), timeout, token);

            case CallTarget.RwReadOnlyInterleavingRead:
                return Read(models.GetRwModel<InterleavedTally>(key), new Stamped<InterleavedTally>(id, workMilliseconds), timeout, token);

            case CallTarget.PCModelPerSilo:
            {
                IPCModel<SiloSlots> model = models.GetPCModel<SiloSlots>(key);
                var operation = new Stamped<SiloSlots>(id, workMilliseconds);
                return timeout is { } t ? model.CallAsync(operation, t, token) : model.CallAsync(operation, token);
            }

            case CallTarget.PCModelPerCluster:
            {
                IPCModel<ClusterSlots> model = models.GetPCModel<ClusterSlots>(key);
                var operation = new Stamped<ClusterSlots>(id, workMilliseconds);
                return timeout is { } t ? model.CallAsync(operation, t, token) : model.CallAsync(operation, token);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, null);
        }

        static ValueTask<string> Write<T>(IRwModel<T> model, Stamped<T> operation, TimeSpan? timeout, CancellationToken token) =>
            timeout is { } t ? model.CallMutAsync(operation, t, token) : model.CallMutAsync(operation, token);

        static ValueTask<string> Read<T>(IRwModel<T> model, Stamped<T> operation, TimeSpan? timeout, CancellationToken token) =>
            timeout is { } t ? model.CallAsync(operation, t, token) : model.CallAsync(operation, token);
    }
}
