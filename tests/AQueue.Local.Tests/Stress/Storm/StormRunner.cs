using System.Diagnostics;
using AQueue.Local.Tests.Stress.Targets;

namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// Runs one storm round on a target: the async calls in waves of tasks on the thread pool, the rest from
/// plain threads at the same time; then waits for every closure to end and checks the ledger and the state.
/// </summary>
internal static class StormRunner
{
    // Waves of different sizes: large ones make deep queues (calls cancelled or timed out while waiting), small
    // ones short queues (calls that get in and are cut off while running).
    private static readonly int[] s_waveSizes = [8, 32, 128, 512];
    private const int Threads = 2;

    public static async Task<StormReport> RunRoundAsync(IStormTarget target, int seed, int firstId, int calls)
    {
        CallPlan[] plans = PlanGenerator.Generate(seed, firstId, calls, target);
        var ledger = new StormLedger(plans);
        var probe = new ConcurrencyProbe(target.Bound);
        var context = new StormContext(ledger, probe);
        var stopwatch = Stopwatch.StartNew();

        CallPlan[] threaded = [.. plans.Where(p => p.FromThread)];
        var threads = new Thread[Threads];
        var current = new CallPlan?[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                for (int i = index; i < threaded.Length; i += Threads)
                {
                    Volatile.Write(ref current[index], threaded[i]);
                    RunOneBlocking(target, context, threaded[i]);
                }

                Volatile.Write(ref current[index], null);
            })
            { IsBackground = true, Name = $"storm-{target.Name}-{t}" };
            threads[t].Start();
        }

        CallPlan[] pooled = [.. plans.Where(p => !p.FromThread)];
        var waves = new Random(seed);
        for (int start = 0; start < pooled.Length;)
        {
            var wave = new Task[Math.Min(s_waveSizes[waves.Next(s_waveSizes.Length)], pooled.Length - start)];
            for (int i = 0; i < wave.Length; i++)
            {
                CallPlan plan = pooled[start + i];
                wave[i] = Task.Run(() => RunOneAsync(target, context, plan));
            }

            await Task.WhenAll(wave).ConfigureAwait(false);
            start += wave.Length;
        }

        for (int t = 0; t < Threads; t++)
        {
            if (!threads[t].Join(TimeSpan.FromSeconds(10)))
            {
                CallPlan? stuck = Volatile.Read(ref current[t]);
                throw new TimeoutException(
                    $"{target.Name} seed {seed}: storm thread {threads[t].Name} still blocked 10 s after the async calls ended, in {stuck}; " +
                    $"lock: {target.BusyState() ?? "idle"}; closures inside: {probe.Inside}; caller returned: {(stuck is null ? "-" : ledger.Outcome(stuck.Id))}; " +
                    $"closure started: {(stuck is null ? "-" : ledger.Starts(stuck.Id))}.");
            }
        }

        // Closures cut off by a deadline run on after their callers return; the lock is theirs until then.
        bool finished = SpinWait.SpinUntil(ledger.AllClosuresFinished, TimeSpan.FromSeconds(10));
        bool idle = SpinWait.SpinUntil(() => target.BusyState() is null, TimeSpan.FromSeconds(5));
        stopwatch.Stop();

        var report = new StormReport { Target = target.Name, Seed = seed, Elapsed = stopwatch.Elapsed };
        if (!finished)
        {
            report.Violate("closures still running 10 s after the last caller returned");
        }

        if (!idle)
        {
            report.Violate($"lock not idle 5 s after the storm: {target.BusyState()}");
        }

        StormVerifier.Verify(target, ledger, probe, report);
        return report;
    }

    private static async Task RunOneAsync(IStormTarget target, StormContext context, CallPlan plan)
    {
        using CancellationTokenSource? source = plan.HasSource ? new() : null;
        CancellationToken token = Prepare(context, plan, source);
        CallOutcome outcome;
        Exception? error = null;
        try
        {
            await target.CallAsync(context, plan, token).ConfigureAwait(false);
            outcome = CallOutcome.Ok;
        }
        catch (Exception exception)
        {
            (outcome, error) = Classify(plan, exception);
        }

        context.Ledger.Returned(plan.Id, outcome, error, token.IsCancellationRequested);
    }

    private static void RunOneBlocking(IStormTarget target, StormContext context, CallPlan plan)
    {
        using CancellationTokenSource? source = plan.HasSource ? new() : null;
        CancellationToken token = Prepare(context, plan, source);
        CallOutcome outcome;
        Exception? error = null;
        try
        {
            if (target.HasSyncApi)
            {
                target.CallSync(context, plan, token);
            }
            else
            {
                // No blocking API: a plain thread blocks on the async call (sync-over-async).
                target.CallAsync(context, plan, token).AsTask().GetAwaiter().GetResult();
            }

            outcome = CallOutcome.Ok;
        }
        catch (Exception exception)
        {
            (outcome, error) = Classify(plan, exception);
        }

        context.Ledger.Returned(plan.Id, outcome, error, token.IsCancellationRequested);
    }

    private static CancellationToken Prepare(StormContext context, CallPlan plan, CancellationTokenSource? source)
    {
        switch (plan.Caller)
        {
            case CallerKind.PreCancelled:
                return new CancellationToken(true);
            case CallerKind.CancelWhileRunning:
                context.Ledger.CancelOnStart(plan.Id, source!);
                break;
            case CallerKind.CancelLater:
            case CallerKind.TimeoutAndCancel:
                source!.CancelAfter(plan.CancelAfterMs);
                break;
        }

        return source?.Token ?? default;
    }

    private static (CallOutcome Outcome, Exception? Error) Classify(CallPlan plan, Exception exception) => exception switch
    {
        StormException storm when storm.Id == plan.Id => (CallOutcome.Faulted, null),
        TimeoutException => (CallOutcome.TimedOut, exception),
        OperationCanceledException => (CallOutcome.Cancelled, exception),
        _ => (CallOutcome.Unexpected, exception),
    };
}
