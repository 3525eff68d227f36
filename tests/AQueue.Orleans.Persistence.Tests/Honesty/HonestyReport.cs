using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The honesty verdict over a load's calls: which calls whose caller was told "cancelled" or "timed out" (the adapter's
/// timeout) had their operation start after that moment, by how much, per model kind and mapping and per phase.
/// </summary>
public sealed class HonestyReport
{
    private readonly StampedCall[] _calls;
    private readonly Dictionary<long, (long LatestStart, int Starts)> _starts = [];

    public HonestyReport(IEnumerable<StampedCall> calls, int seed)
    {
        _calls = [.. calls];
        Seed = seed;
        foreach (StampedCall call in _calls)
        {
            if (StartLog.TryGet(call.Id, out long latestStart, out int starts))
            {
                _starts[call.Id] = (latestStart, starts);
            }
        }

        // Orleans' own response timeout ("Response did not arrive on time") is left out on purpose: it is Orleans'
        // ambiguous failure (the request may be queued, running or done on a silo the caller cannot hear from), not an
        // answer of the adapter that says "this will not run". Only OperationCanceledException and the adapter's
        // TimeoutException promise that.
        //
        // A timed call is judged against the silo's clock check: the silo refuses to start at or after the deadline, and
        // the caller answers after it, but an operation admitted just before can have its first statement (what the
        // log records) run later if the silo's thread stalls in between (a GC pause, preemption on this 2-core machine;
        // seen once: 2.0 ms). So a timed call may start up to TimedStallAllowanceMs after its caller was told; a
        // cancelled call, whose caller waits for the silo's acknowledgement, not at all.
        Late = [.. _calls.Where(c => c.ToldGaveUp && LatenessMs(c) > AllowanceMs(c)).OrderByDescending(LatenessMs)];
        WithinAllowance = _calls.Count(c => c.ToldGaveUp && LatenessMs(c) > 0 && LatenessMs(c) <= AllowanceMs(c));
    }

    /// <summary>How far after its caller was told a timed call's operation may start (see the constructor).</summary>
    public const double TimedStallAllowanceMs = 5;

    /// <summary>Timed calls whose operation started after the caller was told, within <see cref="TimedStallAllowanceMs"/>.</summary>
    public int WithinAllowance { get; }

    private static double AllowanceMs(StampedCall call) => call.Outcome == CallOutcome.TimedOut ? TimedStallAllowanceMs : 0;

    public int Seed { get; }

    /// <summary>Calls told "cancelled" or "timed out" whose operation started after that.</summary>
    public IReadOnlyList<StampedCall> Late { get; }

    /// <summary>Calls told "cancelled" or "timed out".</summary>
    public int ToldGaveUp => _calls.Count(c => c.ToldGaveUp);

    /// <summary>Completed calls the start log has no start for: the recorder missed something, and the verdict means nothing.</summary>
    public int CompletedWithoutStart => _calls.Count(c => c.Outcome == CallOutcome.Completed && !_starts.ContainsKey(c.Id));

    public double MaxLatenessMs => Late.Count == 0 ? 0 : LatenessMs(Late[0]);

    /// <summary>How far after its caller was told the call's operation (last) started, in ms; negative or 0 when not after, or when it never started.</summary>
    public double LatenessMs(StampedCall call) =>
        _starts.TryGetValue(call.Id, out (long LatestStart, int Starts) seen)
            ? (seen.LatestStart - call.ToldAt) * 1000.0 / Stopwatch.Frequency
            : double.NegativeInfinity;

    /// <summary>
    /// Null when every target (among the calls <paramref name="scope"/> keeps) has at least <paramref name="each"/>
    /// completed calls, calls cancelled after they were sent, and calls timed out by the adapter; else what is missing.
    /// </summary>
    public static string? Shortfall(IEnumerable<StampedCall> calls, int each, Func<StampedCall, bool>? scope = null)
    {
        StampedCall[] kept = [.. calls.Where(scope ?? (_ => true))];
        var missing = new List<string>();
        foreach (CallTarget target in Enum.GetValues<CallTarget>())
        {
            StampedCall[] of = [.. kept.Where(c => c.Target == target)];
            int completed = of.Count(c => c.Outcome == CallOutcome.Completed);
            int cancelled = of.Count(c => c.Outcome == CallOutcome.Cancelled && c.Move == CallerMove.CancelsAfter);
            int timedOut = of.Count(c => c.Outcome == CallOutcome.TimedOut);
            if (completed < each || cancelled < each || timedOut < each)
            {
                missing.Add($"{target}: {completed} completed, {cancelled} cancelled after sending, {timedOut} timed out");
            }
        }

        return missing.Count == 0 ? null : $"fewer than {each} of each: " + string.Join("; ", missing);
    }

    /// <summary>The verdict in one paragraph, for the assertion message.</summary>
    public string Verdict() =>
        string.Create(CultureInfo.InvariantCulture,
            $"seed {Seed} (AQUEUE_CHAOS_SEED={Seed} replays the choices): {Late.Count} of {ToldGaveUp} calls told cancelled/timed out started after being told, " +
            $"latest by {MaxLatenessMs:F1} ms ({WithinAllowance} timed calls started within the {TimedStallAllowanceMs} ms stall allowance). Per target (told gave up / started after / max late ms): ") +
        string.Join("; ", Enum.GetValues<CallTarget>().Select(t =>
        {
            StampedCall[] told = [.. _calls.Where(c => c.Target == t && c.ToldGaveUp)];
            StampedCall[] late = [.. Late.Where(c => c.Target == t)];
            return string.Create(CultureInfo.InvariantCulture, $"{t} {told.Length}/{late.Length}/{(late.Length == 0 ? 0 : LatenessMs(late[0])):F1}");
        })) +
        ". Per phase: " +
        string.Join("; ", _calls.Select(c => c.Phase).Distinct().Order().Select(p =>
        {
            StampedCall[] late = [.. Late.Where(c => c.Phase == p)];
            return string.Create(CultureInfo.InvariantCulture,
                $"{p} {_calls.Count(c => c.Phase == p && c.ToldGaveUp)}/{late.Length}/{(late.Length == 0 ? 0 : LatenessMs(late[0])):F1}");
        })) + ".";

    /// <summary>The longest a caller that neither cancelled nor timed out waited for its answer, in <paramref name="phase"/>, in ms.</summary>
    private double SlowestWaitMs(LoadPhase phase) =>
        _calls.Where(c => c.Phase == phase && c.Move == CallerMove.Waits).Select(c => (c.ToldAt - c.SentAt) * 1000.0 / Stopwatch.Frequency).DefaultIfEmpty(0).Max();

    /// <summary>The full report: per target, per phase, errors, and the latest starts.</summary>
    public string Details()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}; {_calls.Length} calls");
        text.AppendLine("target                      |  calls | completed | cancelled sent/before/uncalled | timed out | orleans timeout | other | told gave up | started after | max late ms | started twice");
        foreach (CallTarget target in Enum.GetValues<CallTarget>())
        {
            StampedCall[] of = [.. _calls.Where(c => c.Target == target)];
            StampedCall[] late = [.. Late.Where(c => c.Target == target)];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{target,-27} | {of.Length,6} | {of.Count(c => c.Outcome == CallOutcome.Completed),9} | " +
                $"{of.Count(c => c.Outcome == CallOutcome.Cancelled && c.Move == CallerMove.CancelsAfter),5}/{of.Count(c => c.Outcome == CallOutcome.Cancelled && c.Move == CallerMove.CancelledBefore),5}/{of.Count(c => c.Outcome == CallOutcome.Cancelled && !c.CallerCancelled),5}             | " +
                $"{of.Count(c => c.Outcome == CallOutcome.TimedOut),9} | {of.Count(c => c.Outcome == CallOutcome.ResponseTimeout),15} | {of.Count(c => c.Outcome == CallOutcome.Failed),5} | " +
                $"{of.Count(c => c.ToldGaveUp),12} | {late.Length,13} | {(late.Length == 0 ? 0 : LatenessMs(late[0])),11:F1} | {of.Count(c => _starts.TryGetValue(c.Id, out var s) && s.Starts > 1),13}");
        }

        text.AppendLine("per phase the call was sent in (told gave up / started after / max late ms; late by move: cancels after, cancelled before, times out; " +
                        "the slowest answer to a caller that waited; errors other than cancelled and timed out):");
        foreach (LoadPhase phase in _calls.Select(c => c.Phase).Distinct().Order())
        {
            StampedCall[] late = [.. Late.Where(c => c.Phase == phase)];
            string errors = string.Join(", ", _calls
                .Where(c => c.Phase == phase && c.Outcome is CallOutcome.ResponseTimeout or CallOutcome.Failed)
                .GroupBy(c => c.Error).Select(g => $"{g.Key} x{g.Count()}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {phase}: {_calls.Count(c => c.Phase == phase)} calls, {_calls.Count(c => c.Phase == phase && c.ToldGaveUp)}/{late.Length}/{(late.Length == 0 ? 0 : LatenessMs(late[0])):F1}; " +
                $"late by move {late.Count(c => c.Move == CallerMove.CancelsAfter)}/{late.Count(c => c.Move == CallerMove.CancelledBefore)}/{late.Count(c => c.Move == CallerMove.TimesOut)}; " +
                $"slowest wait {SlowestWaitMs(phase):F0} ms; errors: {errors}");
        }

        // What honesty costs a caller: how long after its token fired a cancelled caller was told, and how long after its
        // deadline a timed-out caller was.
        text.AppendLine(CultureInfo.InvariantCulture, $"told after the token fired (calls cancelled after sending and told cancelled): {Spread(_calls
            .Where(c => c.Move == CallerMove.CancelsAfter && c.Outcome == CallOutcome.Cancelled && c.CancelledAt != 0)
            .Select(c => (c.ToldAt - c.CancelledAt) * 1000.0 / Stopwatch.Frequency))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"told after the deadline (calls told timed out): {Spread(_calls
            .Where(c => c.Outcome == CallOutcome.TimedOut)
            .Select(c => (c.ToldAt - c.SentAt) * 1000.0 / Stopwatch.Frequency - c.MoveMilliseconds))}");
        text.AppendLine("latest starts after the caller was told:");
        foreach (StampedCall call in Late.Take(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {LatenessMs(call),8:F1} ms  {call.Target} {call.Key} from {call.Caller}, {call.Move} {call.MoveMilliseconds} ms, told {call.Outcome} ({call.Error}), " +
                $"phase {call.Phase}, started {_starts[call.Id].Starts}x");
        }

        return text.ToString();
    }

    /// <summary>Median, 99th percentile and largest of <paramref name="milliseconds"/>, for the report.</summary>
    private static string Spread(IEnumerable<double> milliseconds)
    {
        double[] sorted = [.. milliseconds.Order()];
        if (sorted.Length == 0)
        {
            return "none";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{sorted.Length} calls, median {sorted[sorted.Length / 2]:F2} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F2} ms, max {sorted[^1]:F2} ms");
    }
}
