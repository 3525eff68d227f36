using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The storm's checker: the history of every call against the final value of every ledger, the PCModels' gauges and the
/// faults' recoveries. Per ledger: every acknowledged write is in the final value, at the position its answer gave;
/// everything in it was sent as a write of that model, once, and was acknowledged or failed ambiguously (never told
/// cancelled; told timed out only when its operation had started before the caller was told, which the contract allows);
/// no write that threw is kept; no read or write saw a value older than one seen by a call that ended before it was sent,
/// and every read saw a prefix of the final value. No operation started after its caller was told cancelled or timed out;
/// no PCModel ran more than its bound per silo or per cluster (a killed silo's operations left out); a timed call whose
/// caller never cancelled was told the adapter's TimeoutException, not a cancellation or another timeout; no timed call was
/// answered later after its deadline than the process ran a plain timer late at worst (<see cref="StallWatch"/>) plus
/// <see cref="DeadlineMarginMs"/>, and the median of those told timed out within <see cref="DeadlineMedianMs"/>; no other
/// call waited longer than <see cref="UntimedLimit"/> and that lateness; every failure is one a caller can expect; every
/// fault recovered and every model answered after the last one; the load was thick enough to mean something.
/// </summary>
public sealed class StormVerdict
{
    /// <summary>
    /// How much later than a plain timer a timed call may be answered after its deadline. The adapter answers at the
    /// deadline plus about a millisecond, but its continuation, like every callback, waits for the process: for a pool
    /// thread (or the calling grain's turn), through GC pauses, on a machine whose two cores run three silos, a client and
    /// the load, and maybe other processes. A <see cref="StallWatch"/> measures how late the process runs a 10 ms timer
    /// meanwhile (up to a second in the 10-minute soak, with GC pauses of 9.7 s in all): a call may be answered that late
    /// after its deadline, plus this margin; a caller that waited for the silo would be late by its answer.
    /// </summary>
    public const double DeadlineMarginMs = 250;

    /// <summary>The most the median call told timed out may be told after its deadline: the margin above is for a stalled
    /// process now and then; the typical answer must come right at the deadline (2.5-3 ms after it in every run so far,
    /// the coarse timer and the hop to the pool).</summary>
    public const double DeadlineMedianMs = 25;

    /// <summary>The longest an untimed call may wait, besides the worst timer lateness of the process: Orleans' response
    /// timeout (5 s here) bounds it, checked by a periodic timer, plus slack for that timer and the loaded machine.</summary>
    public static readonly TimeSpan UntimedLimit = FailoverSiloConfigurator.FastResponseTimeout + TimeSpan.FromSeconds(3);

    /// <summary>What a caller may be told when a silo dies, stops or starts, or storage fails: each says "may or may not have
    /// applied; retry" (a relayed call's relay grain may fail the same ways).</summary>
    private static readonly HashSet<string> s_ambiguous =
    [
        "SiloUnavailableException",
        "OrleansMessageRejectionException",
        "TimeoutException",
        "ConnectionFailedException",
        "ModelStorageException",
    ];

    private readonly StormCall[] _calls;
    private readonly IReadOnlyDictionary<StormModel, long[]?> _finals;
    private readonly IReadOnlyList<FaultRecord> _faults;
    private readonly Dictionary<string, (long Most, string? Who)> _gauges;
    private readonly Dictionary<string, (int Count, List<string> Examples)> _violations = [];
    private readonly Dictionary<StormModelKind, Tally> _tallies = Enum.GetValues<StormModelKind>().ToDictionary(k => k, _ => new Tally());
    private readonly int _seed;
    private readonly TimeSpan? _soak;
    private readonly TimeSpan _elapsed;
    private readonly string _machine;
    private readonly double _machineLatenessMs;
    private readonly double _allowedPastDeadlineMs;
    /// <summary>How late each call told timed out was told, in ms past its deadline.</summary>
    private readonly List<double> _pastDeadline = [];
    private (double Ms, StormCall? Call) _latestPastDeadline;
    private (double Ms, StormCall? Call) _longestUntimed;
    private int _timedCalls;
    private int _startedTwice;

    public StormVerdict(
        StormRun run,
        IEnumerable<StormCall> calls,
        IReadOnlyDictionary<StormModel, long[]?> finals,
        IEnumerable<FaultRecord> faults,
        Dictionary<string, (long Most, string? Who)> gauges,
        string? silent,
        string? unsettled,
        TimeSpan elapsed,
        string machine,
        double machineLatenessMs)
    {
        ArgumentNullException.ThrowIfNull(run);
        _seed = run.Seed;
        _soak = run.Soak;
        _calls = [.. calls];
        _finals = finals;
        _faults = [.. faults.OrderBy(f => f.Number)];
        _gauges = gauges;
        _elapsed = elapsed;
        _machine = machine;
        _machineLatenessMs = machineLatenessMs;
        _allowedPastDeadlineMs = machineLatenessMs + DeadlineMarginMs;

        foreach (IGrouping<StormModel, StormCall> model in _calls.Where(c => c.Model.IsLedger).GroupBy(c => c.Model))
        {
            CheckLedger(model.Key, [.. model]);
        }

        foreach (StormModel model in _finals.Keys.Where(m => !_calls.Any(c => c.Model == m)))
        {
            CheckLedger(model, []);
        }

        CheckStarts();
        CheckBounds();
        CheckWaits();
        CheckErrors();
        CheckFaults(silent, unsettled);
        CheckThickness();
    }

    /// <summary>What went wrong, one line per kind of violation with up to five examples; empty when nothing did.</summary>
    public IReadOnlyList<string> Violations =>
        [.. _violations.Select(v => $"{v.Key}: {v.Value.Count}x, e.g. {string.Join(" | ", v.Value.Examples)}")];

    private static double Ms(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;

    private static string Describe(StormCall call) =>
        string.Create(CultureInfo.InvariantCulture,
            $"call {call.Id} {call.Op} on {call.Model} from {call.Caller} ({call.Via}), {call.Move} {call.MoveMilliseconds} ms, work {call.WorkMilliseconds} ms, " +
            $"sent in {call.Phase}, told {call.Outcome}{(call.Error is null ? "" : $" ({call.Error})")} after {call.WaitedMs:F1} ms");

    /// <summary>Whether the call's operation started, and not after its caller was told.</summary>
    private static bool StartedBeforeTold(StormCall call) => StartLog.TryGet(call.Id, out long start, out _) && start <= call.ToldAt;

    private static bool Started(StormCall call) => StartLog.TryGet(call.Id, out _, out _);

    private void Fail(string kind, string example)
    {
        (int count, List<string> examples) = _violations.GetValueOrDefault(kind, (0, []));
        if (examples.Count < 5)
        {
            examples.Add(example);
        }

        _violations[kind] = (count + 1, examples);
    }

    private void CheckLedger(StormModel model, StormCall[] calls)
    {
        Tally tally = _tallies[model.Kind];
        if (!_finals.TryGetValue(model, out long[]? final) || final is null)
        {
            Fail("a ledger's final value could not be read", $"{model}, within {StormRun.Patience}");
            return;
        }

        tally.FinalIds += final.Length;
        var position = new Dictionary<long, int>(final.Length);
        for (int i = 0; i < final.Length; i++)
        {
            if (!position.TryAdd(final[i], i))
            {
                tally.Twice++;
                Fail("a write was applied twice", $"{model}: id {final[i]} at {position[final[i]]} and {i}");
            }
        }

        Dictionary<long, StormCall> sent = calls.ToDictionary(c => c.Id);
        foreach (long id in final)
        {
            if (!sent.TryGetValue(id, out StormCall? call) || !call.IsWrite)
            {
                tally.Phantom++;
                Fail("a ledger holds an id never sent to it as a write", $"{model}: id {id}");
            }
        }

        foreach (StormCall call in calls.Where(c => c.IsWrite))
        {
            CheckWrite(tally, call, position.TryGetValue(call.Id, out int at) ? at : null);
        }

        CheckOrder(tally, model, calls, final);
    }

    private void CheckWrite(Tally tally, StormCall call, int? at)
    {
        bool found = at is not null;
        if (call.Op == StormOp.AppendThenThrow)
        {
            tally.Thrown += call.ToldThrown ? 1 : 0;
            if (found)
            {
                tally.ThrownFound++;
                Fail("a write whose operation threw was kept", Describe(call));
            }

            return;
        }

        switch (call.Outcome)
        {
            case CallOutcome.Completed:
                tally.Acknowledged++;
                if (!found)
                {
                    Fail("an acknowledged write is not in the final value", Describe(call));
                }
                else
                {
                    tally.AcknowledgedFound++;
                    if (at != call.Answer!.Count - 1)
                    {
                        Fail("an acknowledged write is not where its answer put it", $"{Describe(call)}: answered position {call.Answer.Count - 1}, found at {at}");
                    }
                }

                break;

            case CallOutcome.Cancelled:
                tally.Cancelled++;
                if (found)
                {
                    tally.CancelledFound++;
                    Fail("a write whose caller was told cancelled was applied", Describe(call));
                }

                break;

            case CallOutcome.TimedOut:
                tally.TimedOut++;
                if (found)
                {
                    // Allowed: a timeout covers running too; an operation that started before the deadline may finish.
                    tally.TimedOutFound++;
                    if (!StartedBeforeTold(call))
                    {
                        Fail("a write whose caller was told timed out before it started was applied", Describe(call));
                    }
                }

                break;

            default:
                tally.Ambiguous++;
                tally.AmbiguousFound += found ? 1 : 0;
                break;
        }
    }

    /// <summary>
    /// No call saw the ledger go back in time: a call sent after another was answered sees at least what that one saw
    /// (a read: the ids it saw; a write: the ids before its own). And every read saw a prefix of the final value.
    /// </summary>
    private void CheckOrder(Tally tally, StormModel model, StormCall[] calls, long[] final)
    {
        var seen = new List<(StormCall Call, int Before, int After)>();
        foreach (StormCall call in calls.Where(c => c.Outcome == CallOutcome.Completed && c.Answer is not null))
        {
            StormAnswer answer = call.Answer!;
            if (call.Op == StormOp.Read)
            {
                tally.Reads++;
                bool prefix = answer.Count <= final.Length && Ledger.Digest(final, answer.Count) == answer.Digest &&
                              (answer.Count == 0 || final[answer.Count - 1] == answer.Last);
                if (!prefix)
                {
                    tally.NotPrefix++;
                    Fail("a read saw ids that are not a prefix of the final value", $"{Describe(call)}: saw {answer.Count} ids, final {final.Length}");
                }

                seen.Add((call, answer.Count, answer.Count));
            }
            else if (call.Op == StormOp.Append)
            {
                seen.Add((call, answer.Count - 1, answer.Count));
            }
        }

        (StormCall Call, int Before, int After)[] byEnd = [.. seen.OrderBy(s => s.Call.ToldAt)];
        long[] ends = [.. byEnd.Select(s => s.Call.ToldAt)];
        var most = new int[byEnd.Length];
        for (int i = 0; i < byEnd.Length; i++)
        {
            most[i] = i > 0 && byEnd[most[i - 1]].After >= byEnd[i].After ? most[i - 1] : i;
        }

        foreach ((StormCall call, int before, _) in seen)
        {
            // The calls answered before this one was sent: ends[0 .. last].
            int last = LowerBound(ends, call.SentAt) - 1;
            if (last >= 0 && before < byEnd[most[last]].After)
            {
                (StormCall earlier, _, int after) = byEnd[most[last]];
                if (call.Op == StormOp.Read)
                {
                    tally.BackInTime++;
                }

                Fail($"a call saw a {model.Kind} go back in time",
                    string.Create(CultureInfo.InvariantCulture,
                        $"{Describe(call)} saw {before} ids, though {Describe(earlier)} had seen {after} and was answered {Ms(call.SentAt - earlier.ToldAt):F1} ms before it was sent"));
            }
        }
    }

    private static int LowerBound(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>No operation started after its caller was told cancelled or timed out.</summary>
    private void CheckStarts()
    {
        foreach (StormCall call in _calls)
        {
            if (!StartLog.TryGet(call.Id, out long start, out int starts))
            {
                if (call.Outcome == CallOutcome.Completed)
                {
                    Fail("a completed call's operation never started", Describe(call));
                }

                continue;
            }

            _startedTwice += starts > 1 ? 1 : 0;
            if (call.ToldGaveUp && start > call.ToldAt)
            {
                Fail("an operation started after its caller was told cancelled or timed out",
                    string.Create(CultureInfo.InvariantCulture, $"{Describe(call)}, started {Ms(start - call.ToldAt):F1} ms after"));
            }
        }
    }

    private void CheckBounds()
    {
        foreach ((string scope, (long most, string? who)) in _gauges.Where(g => g.Value.Most > HonestySiloConfigurator.PcBound))
        {
            string calls = string.Join("; ", _calls.Where(c => who?.Contains($"call {c.Id} ", StringComparison.Ordinal) == true).Select(Describe));
            Fail("a PCModel ran more operations at once than its bound",
                $"{scope}: {most} at once, bound {HonestySiloConfigurator.PcBound}: {who} ({calls})");
        }
    }

    private void CheckWaits()
    {
        foreach (StormCall call in _calls)
        {
            if (call.Timeout is { } timeout && !call.RelayLost)
            {
                _timedCalls++;
                double past = call.WaitedMs - timeout.TotalMilliseconds;
                if (call.Outcome == CallOutcome.TimedOut)
                {
                    _pastDeadline.Add(past);
                }

                if (past > _latestPastDeadline.Ms || _latestPastDeadline.Call is null)
                {
                    _latestPastDeadline = (past, call);
                }

                if (past > _allowedPastDeadlineMs)
                {
                    Fail(string.Create(CultureInfo.InvariantCulture,
                            $"a timed call was answered more than {_allowedPastDeadlineMs:F0} ms after its deadline (the worst timer lateness plus {DeadlineMarginMs} ms)"),
                        string.Create(CultureInfo.InvariantCulture, $"{Describe(call)}: {past:F1} ms past"));
                }
            }
            else
            {
                if (call.WaitedMs > _longestUntimed.Ms)
                {
                    _longestUntimed = (call.WaitedMs, call);
                }

                if (call.WaitedMs > UntimedLimit.TotalMilliseconds + _machineLatenessMs)
                {
                    Fail(string.Create(CultureInfo.InvariantCulture,
                        $"an untimed call waited longer than {UntimedLimit.TotalSeconds} s plus the worst timer lateness ({_machineLatenessMs:F0} ms)"), Describe(call));
                }
            }
        }

        double median = Percentile([.. _pastDeadline.Order()], 0.5);
        if (median > DeadlineMedianMs)
        {
            Fail($"the calls told timed out were told more than {DeadlineMedianMs} ms after their deadline at the median",
                string.Create(CultureInfo.InvariantCulture, $"{median:F1} ms over {_pastDeadline.Count} calls"));
        }
    }

    /// <summary>Every failure is one a caller can expect: the operation's own exception, or one that says "retry".</summary>
    private void CheckErrors()
    {
        foreach (StormCall call in _calls)
        {
            if (call.Throws && call.Outcome == CallOutcome.Completed)
            {
                Fail("an operation that throws completed", Describe(call));
            }

            if (call.Move == CallerMove.TimesOut && !call.RelayLost && call.Outcome == CallOutcome.Cancelled)
            {
                Fail("a timed call whose caller did not cancel was told OperationCanceledException", $"{Describe(call)}: {call.ErrorMessage}");
            }

            if (call.Move == CallerMove.TimesOut && !call.RelayLost && call.Error == nameof(TimeoutException) && call.Outcome != CallOutcome.TimedOut)
            {
                Fail("a timed call was told a TimeoutException other than its own", $"{Describe(call)}: {call.ErrorMessage}");
            }

            if (call.Outcome is CallOutcome.Failed or CallOutcome.ResponseTimeout && !call.ToldThrown)
            {
                string error = call.RelayLost ? call.Error!["relay ".Length..] : call.Error!;
                if (!s_ambiguous.Contains(error))
                {
                    Fail("a call failed with an exception a caller cannot expect", $"{Describe(call)}: {call.ErrorMessage}");
                }
            }
        }
    }

    private void CheckFaults(string? silent, string? unsettled)
    {
        foreach (FaultRecord fault in _faults.Where(f => f.RecoveredMs is null))
        {
            Fail("a model did not answer again after a fault", $"{fault.Label}: {fault.Silent}");
        }

        if (silent is not null)
        {
            Fail("a model did not answer after the last fault healed", silent);
        }

        if (unsettled is not null)
        {
            Fail("the cluster did not settle after the load stopped", unsettled);
        }
    }

    /// <summary>The storm proves something only if it did what it says: every fault, the most loaded silo hit, and every
    /// kind of call and outcome on every model kind.</summary>
    private void CheckThickness()
    {
        var thin = new List<string>();
        foreach (StormFault fault in Enum.GetValues<StormFault>().Where(f => !_faults.Any(r => r.Fault == f)))
        {
            thin.Add($"no {fault}");
        }

        if (!_faults.Any(f => f.Held?.Contains("the most", StringComparison.Ordinal) == true))
        {
            thin.Add("no kill or stop of the secondary holding the most models");
        }

        foreach ((StormModelKind kind, Tally tally) in _tallies.Where(t => t.Key is not (StormModelKind.PCModelPerSilo or StormModelKind.PCModelPerCluster)))
        {
            if (tally.Acknowledged < 5 || tally.Reads < 5 || tally.Cancelled < 1 || tally.TimedOut < 1 || tally.Thrown < 1)
            {
                thin.Add($"{kind}: {tally.Acknowledged} acknowledged writes, {tally.Reads} reads, {tally.Cancelled} cancelled, " +
                         $"{tally.TimedOut} timed out, {tally.Thrown} thrown writes");
            }
        }

        foreach (StormModelKind kind in new[] { StormModelKind.PCModelPerSilo, StormModelKind.PCModelPerCluster })
        {
            int completed = _calls.Count(c => c.Model.Kind == kind && c.Outcome == CallOutcome.Completed);
            if (completed < 5)
            {
                thin.Add($"{kind}: {completed} completed calls");
            }
        }

        foreach (string cancel in new[] { "before sending", "while queued", "while running" })
        {
            if (!_calls.Any(c => CancelledHow(c) == cancel))
            {
                thin.Add($"no call cancelled {cancel}");
            }
        }

        if (thin.Count > 0)
        {
            Fail("the storm was too thin to prove anything", string.Join("; ", thin));
        }
    }

    /// <summary>When a call told cancelled was cancelled: before sending, while queued (its operation never started), or while running.</summary>
    private static string? CancelledHow(StormCall call) =>
        call.Outcome != CallOutcome.Cancelled ? null
        : call.Move == CallerMove.CancelledBefore ? "before sending"
        : Started(call) ? "while running"
        : "while queued";

    /// <summary>The run's table: calls and outcomes per model kind, faults, writes, reads, bounds and waits.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        string mode = _soak is { } soak ? $"soak of {soak.TotalSeconds:F0} s" : "short storm";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"storm seed {_seed} ({ChaosSeed.Variable}={_seed} replays its choices), {mode}, {_elapsed.TotalSeconds:F1} s, {_calls.Length:N0} calls " +
            $"({_calls.Count(c => c.Via == StormCaller.Client):N0} from the client, {_calls.Count(c => c.Via == StormCaller.Silo):N0} from silos, " +
            $"{_calls.Count(c => c.Via == StormCaller.Grain):N0} from grain code), {_finals.Count} ledgers");

        text.AppendLine("calls by model kind and outcome (cancelled: before sending/while queued/while running; timed out: before starting/while running; failed: storage/silo or network/other)");
        text.AppendLine("kind                    |  calls | completed |  threw | cancelled             | timed out       | response timeout | failed              | relay lost");
        foreach (StormModelKind kind in Enum.GetValues<StormModelKind>())
        {
            StormCall[] of = [.. _calls.Where(c => c.Model.Kind == kind)];
            StormCall[] failed = [.. of.Where(c => c.Outcome == CallOutcome.Failed && !c.ToldThrown && !c.RelayLost)];
            StormCall[] timedOut = [.. of.Where(c => c.Outcome == CallOutcome.TimedOut)];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{kind,-23} | {of.Length,6:N0} | {of.Count(c => c.Outcome == CallOutcome.Completed),9:N0} | {of.Count(c => c.ToldThrown),6:N0} | " +
                $"{of.Count(c => CancelledHow(c) == "before sending"),5:N0}/{of.Count(c => CancelledHow(c) == "while queued"),5:N0}/{of.Count(c => CancelledHow(c) == "while running"),5:N0}     | " +
                $"{timedOut.Count(c => !Started(c)),6:N0}/{timedOut.Count(Started),6:N0}   | {of.Count(c => c.Outcome == CallOutcome.ResponseTimeout),16:N0} | " +
                $"{failed.Count(c => c.Error == "ModelStorageException"),5:N0}/{failed.Count(c => c.Error != "ModelStorageException" && s_ambiguous.Contains(c.Error!)),5:N0}/{failed.Count(c => !s_ambiguous.Contains(c.Error!)),5:N0}     | " +
                $"{of.Count(c => c.RelayLost),10:N0}");
        }

        text.AppendLine("faults (lasted: the kill, stop or start call, or the outage; recovered: from the fault's start, or an outage's end, until every model " +
                        "of the generation answered the client and a started silo):");
        foreach (FaultRecord fault in _faults)
        {
            int failed = _calls.Count(c => c.Phase == fault.Label && c.Outcome is CallOutcome.Failed or CallOutcome.ResponseTimeout && !c.ToldThrown);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {fault.Number,3}  {fault.Fault,-13} at {fault.AtSeconds,6:F1} s  {(fault.Silo ?? (fault.Overlapped ? "beside the previous fault" : "every ledger")),-28} " +
                $"lasted {fault.LastedMs,6:F0} ms  recovered {(fault.RecoveredMs is { } r ? r.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "NEVER"),9}  " +
                $"{failed,4} calls failed{(fault.Held is null ? "" : $"  (held {fault.Held})")}");
        }

        text.AppendLine("writes per ledger kind (ambiguous: failed with a retryable error; timed out found: had started before the deadline, as the contract allows):");
        text.AppendLine("kind                    | acknowledged | found | ambiguous sent/found | timed out sent/found | cancelled sent/found | threw sent/found | phantom | twice | ids in final values");
        foreach ((StormModelKind kind, Tally t) in _tallies.Where(t => t.Key is not (StormModelKind.PCModelPerSilo or StormModelKind.PCModelPerCluster)))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{kind,-23} | {t.Acknowledged,12:N0} | {t.AcknowledgedFound,5:N0} | {t.Ambiguous,9:N0}/{t.AmbiguousFound,-10:N0} | {t.TimedOut,9:N0}/{t.TimedOutFound,-10:N0} | " +
                $"{t.Cancelled,9:N0}/{t.CancelledFound,-10:N0} | {t.Thrown,7:N0}/{t.ThrownFound,-8:N0} | {t.Phantom,7} | {t.Twice,5} | {t.FinalIds,8:N0}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"reads checked: {string.Join(", ", _tallies.Where(t => t.Value.Reads > 0).Select(t => $"{t.Key} {t.Value.Reads:N0} ({t.Value.BackInTime} back in time, {t.Value.NotPrefix} not a prefix)"))}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"PCModel bound {HonestySiloConfigurator.PcBound}: most at once per silo {MaxGauge(perSilo: true)}, per cluster {MaxGauge(perSilo: false)} ({_gauges.Count} scopes)");
        double[] past = [.. _pastDeadline.Order()];
        text.AppendLine(CultureInfo.InvariantCulture,
            $"waits: {_timedCalls:N0} timed calls; the {past.Length:N0} told timed out were told {Percentile(past, 0.5):F1} ms past the deadline (median), {Percentile(past, 0.99):F1} ms (99th percentile), " +
            $"over 50 ms {past.Count(p => p > 50)}, over 100 ms {past.Count(p => p > 100)}; " +
            $"the latest {_latestPastDeadline.Ms:F1} ms past its deadline (allowed: {DeadlineMedianMs} ms at the median, {_allowedPastDeadlineMs:F0} ms for any, the worst timer lateness plus {DeadlineMarginMs}; " +
            $"{(_latestPastDeadline.Call is { } late ? Describe(late) : "none")}); longest untimed wait {_longestUntimed.Ms:F0} ms (allowed {UntimedLimit.TotalMilliseconds + _machineLatenessMs:F0} ms)");
        text.AppendLine(CultureInfo.InvariantCulture, $"operations started more than once: {_startedTwice}");
        text.AppendLine("the machine: " + _machine);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"errors: {string.Join(", ", _calls.Where(c => c.Error is not null && c.Outcome is CallOutcome.Failed or CallOutcome.ResponseTimeout).GroupBy(c => c.Error).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}"))}");
        text.AppendLine(_violations.Count == 0 ? "verdict: nothing acknowledged lost, every check held" : "verdict: " + string.Join(Environment.NewLine + "  ", Violations));
        return text.ToString();
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];

    private long MaxGauge(bool perSilo) =>
        _gauges.Where(g => g.Key.Contains(" on ", StringComparison.Ordinal) == perSilo).Select(g => g.Value.Most).DefaultIfEmpty(0).Max();

    /// <summary>Counts per ledger kind.</summary>
    private sealed class Tally
    {
        public int Acknowledged;
        public int AcknowledgedFound;
        public int Ambiguous;
        public int AmbiguousFound;
        public int TimedOut;
        public int TimedOutFound;
        public int Cancelled;
        public int CancelledFound;
        public int Thrown;
        public int ThrownFound;
        public int Phantom;
        public int Twice;
        public int FinalIds;
        public int Reads;
        public int BackInTime;
        public int NotPrefix;
    }
}
