using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The storm's seeded load and its history. Caller loops (through the client, through each silo's provider, and from
/// grain code through <see cref="StormRelayGrain"/>s) send bursts of calls to one model of the current generation: ledger
/// appends (each with an id no other call has), appends that throw, reads, and PCModel holds that may throw; each caller
/// waits, cancels before sending or a few ms after, or times out (short: 1-40 ms; long: 0.2-2.5 s). Every call's
/// outcome is kept, with when it was sent and when its caller was told.
/// </summary>
public sealed class StormLoad : IAsyncDisposable
{
    /// <summary>Models of each kind in a generation.</summary>
    public const int KeysPerKind = 2;

    /// <summary>Relay grains the grain-code callers spread their calls over.</summary>
    private const int Relays = 4;

    private readonly CallerLoops _loops;
    private readonly ConcurrentQueue<StormCall> _calls = new();
    private readonly List<StormModel> _all = [];
    private volatile StormModel[] _current = [];
    private volatile string _phase = "calm";

    public StormLoad(int seed)
    {
        _loops = new CallerLoops(seed);
        Run = Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>This storm's part of every key: <c>s/{Run}/...</c>.</summary>
    public string Run { get; }

    /// <summary>The prefix of every model key of this storm.</summary>
    public string KeyPrefix => $"s/{Run}/";

    /// <summary>Stamps the calls sent from now on: the fault under way, or "calm".</summary>
    public string Phase
    {
        get => _phase;
        set => _phase = value;
    }

    /// <summary>The models the callers call now.</summary>
    public StormModel[] Current => _current;

    /// <summary>Every model of every generation so far.</summary>
    public StormModel[] All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Every call answered so far.</summary>
    public StormCall[] Calls => [.. _calls];

    /// <summary>The models of a new generation (every kind, <see cref="KeysPerKind"/> keys each); the callers move to them
    /// once <see cref="Switch"/> is called.</summary>
    public StormModel[] NewGeneration()
    {
        lock (_all)
        {
            int generation = _all.Count == 0 ? 0 : _all[^1].Generation + 1;
            StormModel[] models =
            [
                .. from kind in Enum.GetValues<StormModelKind>()
                   from index in Enumerable.Range(0, KeysPerKind)
                   select new StormModel(kind, $"{KeyPrefix}g{generation}/{kind}/{index}", generation),
            ];
            _all.AddRange(models);
            return models;
        }
    }

    /// <summary>Moves the callers to <paramref name="generation"/>.</summary>
    public void Switch(StormModel[] generation) => _current = generation;

    /// <summary>Starts <paramref name="loops"/> loops that call through <paramref name="models"/>, as the group <paramref name="name"/>.</summary>
    public void AddCallers(string name, StormCaller via, IModelProvider models, int loops) =>
        _loops.Add(name, loops, (random, stop) => LoopAsync(name, via, (request, call) => StormSender.MakeAsync(models, request), random, stop));

    /// <summary>Starts <paramref name="loops"/> loops that ask relay grains, through <paramref name="grains"/>, to make the calls.</summary>
    public void AddRelayCallers(string name, IGrainFactory grains, int loops)
    {
        IStormRelayGrain[] relays = [.. Enumerable.Range(0, Relays).Select(i => grains.GetGrain<IStormRelayGrain>($"{KeyPrefix}relay/{i}"))];
        _loops.Add(name, loops, (random, stop) =>
            LoopAsync(name, StormCaller.Grain, (request, call) => RelayAsync(relays[(int)(request.Id % Relays)], request, call), random, stop));
    }

    /// <summary>Stops the group <paramref name="name"/> and waits until its calls are answered.</summary>
    public Task RemoveCallersAsync(string name) => _loops.RemoveAsync(name);

    /// <summary>Stops every loop and waits until its calls are answered.</summary>
    public Task StopAsync() => _loops.StopAsync();

    public ValueTask DisposeAsync() => _loops.DisposeAsync();

    private static async Task<Told<StormAnswer>> RelayAsync(IStormRelayGrain relay, StormRequest request, StormCall call)
    {
        long sentAt = Stopwatch.GetTimestamp();
        try
        {
            return await relay.RelayAsync(request);
        }
        catch (Exception exception)
        {
            // The relay's silo died or stopped under it, or it did not answer in time: what the grain was told is unknown.
            call.RelayLost = true;
            return new Told<StormAnswer>(
                sentAt, Stopwatch.GetTimestamp(), CallOutcome.Failed, null, "relay " + exception.GetType().Name, CallerMoves.Brief(exception), false);
        }
    }

    private static StormRequest Choose(Random random, StormModel model)
    {
        StormOp op = model.IsLedger
            ? random.Next(100) switch { < 45 => StormOp.Append, < 52 => StormOp.AppendThenThrow, _ => StormOp.Read }
            : random.Next(100) < 90 ? StormOp.Hold : StormOp.HoldThenThrow;
        (CallerMove move, int milliseconds) = random.Next(100) switch
        {
            < 35 => (CallerMove.Waits, 0),
            < 55 => (CallerMove.CancelsAfter, random.Next(0, 41)),
            < 63 => (CallerMove.CancelledBefore, 0),
            < 81 => (CallerMove.TimesOut, random.Next(1, 41)),
            _ => (CallerMove.TimesOut, random.Next(200, 2501)),
        };

        // Mostly short work; a quarter long enough for a cancellation or a deadline to catch the operation running.
        int work = random.Next(100) < 75 ? random.Next(0, 6) : random.Next(10, 41);
        return new StormRequest(model.Kind, model.Key, op, StartLog.NewCallId(), work, move, milliseconds);
    }

    private async Task LoopAsync(
        string caller, StormCaller via, Func<StormRequest, StormCall, Task<Told<StormAnswer>>> make, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // A burst of 1-5 calls to one model: they queue behind each other, and some give up while queued.
            StormModel[] generation = _current;
            StormModel model = generation[random.Next(generation.Length)];
            var burst = new Task[random.Next(1, 6)];
            for (int i = 0; i < burst.Length; i++)
            {
                burst[i] = CallAsync(caller, via, model, Choose(random, model), make);
            }

            await Task.WhenAll(burst);

            // A short, random pause between bursts, part of the load's shape (the machine has two cores for three silos).
            await Task.Delay(random.Next(1, 8), CancellationToken.None);
        }
    }

    private async Task CallAsync(string caller, StormCaller via, StormModel model, StormRequest request, Func<StormRequest, StormCall, Task<Told<StormAnswer>>> make)
    {
        var call = new StormCall
        {
            Id = request.Id,
            Model = model,
            Op = request.Op,
            Via = via,
            Caller = caller,
            Move = request.Move,
            MoveMilliseconds = request.MoveMilliseconds,
            WorkMilliseconds = request.WorkMilliseconds,
            Phase = _phase,
        };
        Told<StormAnswer> told = await make(request, call);
        call.Record(told);
        call.Answer = told.Result;
        _calls.Enqueue(call);
    }
}
