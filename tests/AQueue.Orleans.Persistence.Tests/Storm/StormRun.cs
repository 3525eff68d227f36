using System.Diagnostics;
using System.Globalization;
using AQueue.Orleans.Testing;
using Orleans.TestingHost;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// One storm over the three-silo cluster: the load (<see cref="StormLoad"/>) runs while the seeded schedule
/// (<see cref="StormSchedule"/>) kills, stops and starts silos and fails storage writes, each fault followed by the wait
/// until every model answers the client again (its recovery time). Then: every model must answer the client and every
/// live silo; the load stops; once nothing runs any more, every ledger's final value is read for the checker.
/// </summary>
public sealed class StormRun
{
    private const int ClientLoops = 3;
    private const int RelayLoops = 2;
    private const int SiloLoops = 1;

    /// <summary>How long a model may take to answer again after a fault, and the settling may take at the end.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A soak moves its load to new models this often, so the ledgers (stored whole on every write) stay short.</summary>
    private static readonly TimeSpan s_generationLength = TimeSpan.FromSeconds(60);

    private readonly HonestyClusterFixture _fixture;
    private readonly StormSchedule _schedule;
    private readonly Action<string> _log;
    private readonly Stopwatch _clock = new();
    private readonly List<FaultRecord> _faults = [];

    public StormRun(HonestyClusterFixture fixture, int seed, TimeSpan? soak, Action<string> log)
    {
        _fixture = fixture;
        Seed = seed;
        Soak = soak;
        _schedule = new StormSchedule(seed, soak);
        _log = log;
    }

    public int Seed { get; }

    /// <summary>The soak's length; null for the short storm.</summary>
    public TimeSpan? Soak { get; }

    private TestCluster Cluster => _fixture.Cluster;

    public async Task<StormVerdict> RunAsync()
    {
        _clock.Start();
        var stalls = new StallWatch();
        var load = new StormLoad(Seed);
        string? silent;
        string? unsettled;
        Dictionary<StormModel, long[]?> finals;
        await using (stalls)
        await using (load)
        {
            TimeSpan generationStarted = await NewGenerationAsync(load);
            load.AddCallers("client", StormCaller.Client, _fixture.Models, ClientLoops);
            load.AddRelayCallers("grains", Cluster.Client, RelayLoops);
            foreach (SiloHandle silo in Cluster.GetActiveSilos())
            {
                load.AddCallers(Name(silo), StormCaller.Silo, silo.GetModelProvider(), SiloLoops);
            }

            // Warm: every caller kind has had answers before the first fault.
            await Waiting.UntilAsync(() => load.Calls.Count(c => c.Outcome == CallOutcome.Completed) >= 200, Patience);
            Log($"warm: {load.Calls.Length} calls answered");

            int number = 0;
            while (_schedule.Next(Cluster.GetActiveSilos().Count(), _clock.Elapsed) is { } fault)
            {
                if (Soak is not null && _clock.Elapsed - generationStarted >= s_generationLength)
                {
                    generationStarted = await NewGenerationAsync(load);
                }

                number = await InjectAsync(load, fault, number + 1);

                // The calm between rounds is drawn from the seed: a random pause is part of the storm's shape.
                await Task.Delay(_schedule.Calm());
            }

            // After the last fault healed, every model answers the client and every live silo.
            silent = await Waiting.SilentModelsAsync(Callers(Cluster.GetActiveSilos()), load.All, Ping, Patience);
            Log(silent is null ? "every model answers the client and every silo" : silent);
            load.Phase = "stopping";
            await load.StopAsync();
            unsettled = await SettleAsync();
            finals = await ReadFinalsAsync(load);
        }

        Log($"the storm ran {_clock.Elapsed.TotalSeconds:F1} s");
        return new StormVerdict(this, load.Calls, finals, _faults, SlotGauges.Max(load.KeyPrefix), silent, unsettled, _clock.Elapsed, stalls.Summary(), stalls.WorstMs);
    }

    private static string Name(SiloHandle silo) => silo.SiloAddress.ToString();

    private static Task Ping(IModelProvider models, StormModel model) => StormSender.PingAsync(models, model);

    /// <summary>Injects <paramref name="fault"/> (and a storage outage beside a kill or a stop, when the schedule says so) and
    /// waits for the recovery.</summary>
    /// <returns>The number of the last fault injected.</returns>
    private async Task<int> InjectAsync(StormLoad load, StormFault fault, int number)
    {
        switch (fault)
        {
            case StormFault.Kill or StormFault.Stop:
            {
                var record = NewRecord(fault, number);
                SiloHandle victim = await ChooseVictimAsync(load, record);
                Task outage = Task.CompletedTask;
                if (_schedule.Overlaps())
                {
                    outage = OutageAsync(load, NewRecord(StormFault.StorageOutage, ++number, overlapped: true), _schedule.OutageLength());
                }

                // The victim's own callers stop first: what is tested is the calls to the models it hosts.
                await load.RemoveCallersAsync(Name(victim));
                load.Phase = record.Label;
                var step = Stopwatch.StartNew();
                if (fault == StormFault.Kill)
                {
                    SlotGauges.Killed(Name(victim));
                    await Cluster.KillSiloAsync(victim);
                }
                else
                {
                    await Cluster.StopSiloAsync(victim);
                }

                record.LastedMs = step.Elapsed.TotalMilliseconds;
                await RecoverAsync(load, record, Callers([]), step);
                await outage;
                break;
            }

            case StormFault.Start:
            {
                var record = NewRecord(fault, number);
                load.Phase = record.Label;
                var step = Stopwatch.StartNew();
                SiloHandle started = await Cluster.StartAdditionalSiloAsync();
                record.LastedMs = step.Elapsed.TotalMilliseconds;
                record.Silo = Name(started);
                load.AddCallers(Name(started), StormCaller.Silo, started.GetModelProvider(), SiloLoops);
                await RecoverAsync(load, record, Callers([started]), step);
                break;
            }

            default:
                await OutageAsync(load, NewRecord(fault, number), _schedule.OutageLength());
                break;
        }

        load.Phase = "calm";
        return number;
    }

    private FaultRecord NewRecord(StormFault fault, int number, bool overlapped = false)
    {
        var record = new FaultRecord { Number = number, Fault = fault, AtSeconds = _clock.Elapsed.TotalSeconds, Overlapped = overlapped };
        lock (_faults)
        {
            _faults.Add(record);
        }

        Log($"{record.Label}{(overlapped ? " (beside the previous fault)" : "")}");
        return record;
    }

    /// <summary>Every write of the storm's ledgers fails in storage for <paramref name="length"/>, then works again.</summary>
    private async Task OutageAsync(StormLoad load, FaultRecord record, TimeSpan length)
    {
        StormModel[] ledgers = [.. load.All.Where(m => m.IsLedger)];
        if (!record.Overlapped)
        {
            load.Phase = record.Label;
        }

        foreach (StormModel model in ledgers)
        {
            StorageFaults.Set(model.Key, Fault.FailWrites);
        }

        // The outage's length is drawn from the seed: it is the fault, not a wait for a state.
        await Task.Delay(length);
        foreach (StormModel model in ledgers)
        {
            StorageFaults.Set(model.Key, Fault.None);
        }

        record.LastedMs = length.TotalMilliseconds;
        await RecoverAsync(load, record, Callers([]), Stopwatch.StartNew());
    }

    /// <summary>Waits until every model of the current generation answers each of <paramref name="callers"/>; keeps how long
    /// it took since <paramref name="clock"/> started (the fault's start; a storage outage's end).</summary>
    private async Task RecoverAsync(StormLoad load, FaultRecord record, IEnumerable<(string Name, IModelProvider Models)> callers, Stopwatch clock)
    {
        string? silent = await Waiting.SilentModelsAsync(callers, load.Current, Ping, Patience);
        record.RecoveredMs = silent is null ? clock.Elapsed.TotalMilliseconds : null;
        record.Silent = silent;
        Log($"{record.Label}: {(silent is null ? $"every model answered {clock.Elapsed.TotalMilliseconds:F0} ms after it began{(record.Fault == StormFault.StorageOutage ? " to heal" : "")}" : silent)}");
    }

    /// <summary>
    /// Picks the secondary to kill or stop (the primary holds TestCluster's membership table): the one holding the most
    /// placed models of the current generation, or one at random, as the schedule says.
    /// </summary>
    private async Task<SiloHandle> ChooseVictimAsync(StormLoad load, FaultRecord record)
    {
        var held = new Dictionary<string, int>();
        StormModel[] placed = [.. load.Current.Where(m => m.IsPlaced)];
        foreach (StormModel model in placed)
        {
            try
            {
                string silo = (await StormSender.PingAsync(_fixture.Models, model)).Silo;
                held[silo] = held.GetValueOrDefault(silo) + 1;
            }
            catch (Exception)
            {
                // Not answering yet (its storage may be failing): it counts for no silo.
            }
        }

        SiloHandle[] secondaries = [.. Cluster.GetActiveSilos().Where(s => s != Cluster.Primary)];
        SiloHandle most = secondaries.MaxBy(s => held.GetValueOrDefault(Name(s)))!;
        SiloHandle victim = _schedule.HitsMost() ? most : secondaries[_schedule.Pick(secondaries.Length)];
        int count = held.GetValueOrDefault(Name(victim));
        record.Silo = Name(victim);
        record.Held = string.Create(CultureInfo.InvariantCulture,
            $"{count} of {placed.Length}{(count == held.GetValueOrDefault(Name(most)) ? ", the most of the secondaries" : "")}; " +
            $"the primary {held.GetValueOrDefault(Name(Cluster.Primary!))}");
        Log($"{record.Label}: {record.Silo} holds {record.Held}");
        return victim;
    }

    /// <summary>Starts a new generation of models, activated one silo after another so that every silo holds some.</summary>
    /// <returns>When it started.</returns>
    private async Task<TimeSpan> NewGenerationAsync(StormLoad load)
    {
        StormModel[] generation = load.NewGeneration();
        SiloHandle[] silos = [.. Cluster.GetActiveSilos()];
        int i = 0;
        foreach (StormModel model in generation.Where(m => m.IsPlaced))
        {
            // Orleans' default placement prefers the calling silo when the silos' loads are alike.
            IModelProvider from = silos[i++ % silos.Length].GetModelProvider();
            string? failed = await Waiting.SilentModelsAsync<StormModel>([("placement", from)], [model], Ping, Patience);
            if (failed is not null)
            {
                Log($"placement: {failed}");
            }
        }

        load.Switch(generation);
        Log($"generation {generation[0].Generation}: {generation.Length} models");
        return _clock.Elapsed;
    }

    /// <summary>Waits until no relay grain has a call in flight and no operation has started for half a second, so that
    /// the final read sees every write that will ever land.</summary>
    /// <returns>Null when it settled; else what still ran.</returns>
    private static async Task<string?> SettleAsync()
    {
        if (!await Waiting.UntilAsync(() => StormRelayGrain.InFlight == 0, Patience))
        {
            return $"{StormRelayGrain.InFlight} relayed calls still in flight after {Patience}";
        }

        long quiet = Stopwatch.Frequency / 2;
        return await Waiting.UntilAsync(() => Stopwatch.GetTimestamp() - StartLog.LastStart > quiet, Patience)
            ? null
            : $"operations still started {Patience} after the load stopped";
    }

    /// <summary>Reads every ledger's ids through the client, asking again after failures until <see cref="Patience"/>.</summary>
    private async Task<Dictionary<StormModel, long[]?>> ReadFinalsAsync(StormLoad load)
    {
        var finals = new Dictionary<StormModel, long[]?>();
        foreach (StormModel model in load.All.Where(m => m.IsLedger))
        {
            long[]? ids = null;
            var clock = Stopwatch.StartNew();
            while (ids is null && clock.Elapsed < Patience)
            {
                try
                {
                    ids = await StormSender.ReadIdsAsync(_fixture.Models, model);
                }
                catch (Exception)
                {
                    await Task.Delay(50);
                }
            }

            finals[model] = ids;
        }

        return finals;
    }

    private IEnumerable<(string Name, IModelProvider Models)> Callers(IEnumerable<SiloHandle> silos) =>
        [("client", _fixture.Models), .. silos.Select(s => (Name(s), s.GetModelProvider()))];

    private void Log(string line) => _log(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds,6:F1} s  {line}"));
}
