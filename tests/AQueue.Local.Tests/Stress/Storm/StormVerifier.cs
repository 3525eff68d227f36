using AQueue.Local.Tests.Stress.Targets;

namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// Checks a finished round against section 3 of the design: each caller saw what its plan allows, no closure
/// ran twice or after its caller was told it would not run, every acknowledged write is in the state, every
/// applied write is acknowledged or had an uncertain outcome, and the sum is exactly the applied writes.
/// </summary>
internal static class StormVerifier
{
    public static void Verify(IStormTarget target, StormLedger ledger, ConcurrencyProbe probe, StormReport report)
    {
        IStormCell cell = target.Cell;
        IReadOnlyList<int> applied = cell.Applied;
        var appliedSet = new HashSet<int>();
        long appliedSum = 0;
        foreach (int id in applied)
        {
            if (!appliedSet.Add(id))
            {
                report.Violate($"write {id} applied twice");
            }

            appliedSum += id + 1L;
        }

        foreach (CallPlan plan in ledger.Plans)
        {
            report.Calls++;
            report.FromThreads += plan.FromThread ? 1 : 0;
            report.Reads += plan.IsWrite ? 0 : 1;
            CheckCall(plan, ledger, appliedSet, report);
        }

        // The state is exactly the applied writes (plus the quick adds of the speed check): a lost update or
        // a torn write under a broken lock shows here.
        if (cell.Sum - cell.QuickCount != appliedSum)
        {
            report.Violate($"state sum {cell.Sum - cell.QuickCount} differs from the sum of the applied writes {appliedSum} (lost or torn update)");
        }

        if (probe.Violations != 0)
        {
            report.Violate($"{probe.Violations} concurrency breach(es); first: {probe.FirstViolation}");
        }

        if (probe.Inside != 0)
        {
            report.Violate($"{probe.Inside} closure(s) still inside after the storm");
        }

        report.MaxWriters = probe.MaxWriters;
        report.MaxReaders = probe.MaxReaders;
        if (probe.MaxWriters > target.Bound)
        {
            report.Violate($"{probe.MaxWriters} writers ran at once; the bound is {target.Bound}");
        }

        if (target.BusyState() is { } busy)
        {
            report.Violate($"lock still busy after the storm: {busy}");
        }
    }

    private static void CheckCall(CallPlan plan, StormLedger ledger, HashSet<int> applied, StormReport report)
    {
        int id = plan.Id;
        int starts = ledger.Starts(id);
        CallOutcome outcome = ledger.Outcome(id);
        bool isApplied = applied.Contains(id);
        string what = $"call {id} ({(plan.IsWrite ? "write" : "read")}, {plan.Body}, {plan.Caller}{(plan.FromThread ? ", plain thread" : "")})";

        if (starts > 1)
        {
            report.Violate($"{what}: closure ran {starts} times");
        }

        if (ledger.Finishes(id) != starts)
        {
            report.Violate($"{what}: closure started {starts} time(s) but finished {ledger.Finishes(id)}");
        }

        switch (outcome)
        {
            case CallOutcome.Pending:
                report.Violate($"{what}: caller never returned");
                return;
            case CallOutcome.Unexpected:
                report.Violate($"{what}: caller saw {Describe(ledger.Error(id))}");
                break;
            case CallOutcome.Ok:
                report.Acknowledged++;
                if (plan.Throws)
                {
                    report.Violate($"{what}: closure threw but the caller saw success");
                }

                if (plan.IsWrite)
                {
                    report.AcknowledgedWrites++;
                    if (!isApplied)
                    {
                        report.Violate($"{what}: acknowledged but its write is not in the state");
                    }
                }

                break;
            case CallOutcome.Faulted:
                report.Faults++;
                if (!plan.Throws)
                {
                    report.Violate($"{what}: caller saw a storm fault its closure never threw");
                }

                break;
            case CallOutcome.TimedOut:
                if (starts == 0)
                {
                    report.TimedOutWaiting++;
                }
                else
                {
                    report.TimedOutRunning++;
                }

                if (!plan.HasTimeout)
                {
                    report.Violate($"{what}: TimeoutException without a timeout: {Describe(ledger.Error(id))}");
                }

                break;
            case CallOutcome.Cancelled:
                if (starts == 0)
                {
                    report.CancelledWaiting++;
                }
                else
                {
                    report.CancelledRunning++;
                }

                if (!plan.HasToken || !ledger.TokenCancelled(id))
                {
                    report.Violate($"{what}: OperationCanceledException though the caller's token was not cancelled: {Describe(ledger.Error(id))}");
                }

                break;
        }

        if (plan.Caller == CallerKind.PreCancelled && (outcome != CallOutcome.Cancelled || starts != 0))
        {
            report.Violate($"{what}: an already-cancelled token must cancel without running; saw {outcome}, closure ran {starts} time(s)");
        }

        if (plan.Caller == CallerKind.ZeroTimeout && (outcome != CallOutcome.TimedOut || starts != 0))
        {
            report.Violate($"{what}: a zero timeout must time out without running; saw {outcome}, closure ran {starts} time(s)");
        }

        if (outcome is CallOutcome.Cancelled or CallOutcome.TimedOut && starts > 0 &&
            ledger.StartSequence(id) > ledger.ReturnSequence(id))
        {
            report.Violate($"{what}: closure started after its caller was told {outcome}");
        }

        if (starts > 0 && ledger.FinishSequence(id) > ledger.ReturnSequence(id))
        {
            report.OutlivedCaller++;
            if (outcome is not (CallOutcome.TimedOut or CallOutcome.Cancelled))
            {
                report.Violate($"{what}: caller saw {outcome} before its closure finished");
            }
        }

        if (isApplied && outcome != CallOutcome.Ok)
        {
            // Applied without acknowledgement is allowed only when the outcome was uncertain: cut off by a
            // deadline or a cancel while running, or a closure that threw after its write.
            bool uncertain = outcome is CallOutcome.TimedOut or CallOutcome.Cancelled && starts > 0
                || outcome == CallOutcome.Faulted && plan.Body == BodyKind.ThrowAfter;
            if (uncertain)
            {
                report.AppliedUnacknowledged++;
            }
            else
            {
                report.Violate($"{what}: write applied though the caller saw {outcome} and the closure could not have applied it");
            }
        }

        if (isApplied && (!plan.IsWrite || plan.Body is BodyKind.ThrowBefore or BodyKind.ThrowAsync))
        {
            report.Violate($"{what}: in the state, but this closure never writes");
        }
    }

    private static string Describe(Exception? exception) =>
        exception is null ? "nothing" : $"{exception.GetType().Name}: {exception.Message}";
}
