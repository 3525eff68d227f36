using AQueue.Local.Tests.Stress.Targets;

namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>Makes a storm's calls from a seed, so a failing storm can be replayed (AQUEUE_STORM_SEED).</summary>
internal static class PlanGenerator
{
    private static readonly (BodyKind Kind, int Weight)[] s_asyncBodies =
    [
        (BodyKind.Quick, 34), (BodyKind.Yield, 20), (BodyKind.Delay, 10), (BodyKind.ApplyThenDelay, 5),
        (BodyKind.IgnoreToken, 3), (BodyKind.LongHonoursToken, 3), (BodyKind.ThrowBefore, 7),
        (BodyKind.ThrowAsync, 8), (BodyKind.ThrowAfter, 8),
    ];

    // A sync closure cannot await: it holds the lock by sleeping instead.
    private static readonly (BodyKind Kind, int Weight)[] s_syncBodies =
    [
        (BodyKind.Quick, 60), (BodyKind.SleepHold, 15), (BodyKind.ThrowBefore, 12), (BodyKind.ThrowAfter, 13),
    ];

    private static readonly (CallerKind Kind, int Weight)[] s_callers =
    [
        (CallerKind.Plain, 46), (CallerKind.PreCancelled, 5), (CallerKind.CancelLater, 15), (CallerKind.CancelWhileRunning, 6),
        (CallerKind.Timeout, 18), (CallerKind.TimeoutAndCancel, 7), (CallerKind.ZeroTimeout, 3),
    ];

    /// <param name="seed">The storm's seed.</param>
    /// <param name="firstId">The first call's id (soak rounds continue the numbering on the same model).</param>
    /// <param name="count">How many calls.</param>
    /// <param name="target">What the calls may use (reads, a sync API, operation objects).</param>
    public static CallPlan[] Generate(int seed, int firstId, int count, IStormTarget target)
    {
        var random = new Random(seed);
        var plans = new CallPlan[count];
        for (int i = 0; i < count; i++)
        {
            bool fromThread = random.NextDouble() < 0.08;
            bool syncApi = fromThread && target.HasSyncApi;
            bool isWrite = !target.HasReads || random.NextDouble() < 0.6;
            BodyKind body = Pick(random, syncApi ? s_syncBodies : s_asyncBodies);
            CallerKind caller = Pick(random, s_callers);
            if (syncApi && caller == CallerKind.ZeroTimeout)
            {
                // A sync call's timeout bounds only its wait; with zero it runs when the lock is free. Not a storm case.
                caller = CallerKind.Timeout;
            }

            if (!isWrite)
            {
                // Reads apply nothing, so "apply then ..." shapes reduce to their read-only twins.
                body = body switch
                {
                    BodyKind.ApplyThenDelay => BodyKind.Delay,
                    BodyKind.ThrowAfter => BodyKind.ThrowAsync,
                    _ => body,
                };
                if (syncApi && body == BodyKind.ThrowAsync)
                {
                    body = BodyKind.ThrowBefore;
                }
            }

            if (body == BodyKind.LongHonoursToken && caller == CallerKind.Plain)
            {
                // Nothing would cut it short: keep the storm bounded.
                body = BodyKind.Delay;
            }

            int bodyMs = body switch
            {
                BodyKind.Delay or BodyKind.ApplyThenDelay => random.Next(1, 4),
                BodyKind.IgnoreToken => random.Next(2, 7),
                BodyKind.LongHonoursToken => random.Next(50, 201),
                BodyKind.SleepHold => 1,
                _ => 0,
            };

            plans[i] = new CallPlan(
                Id: firstId + i,
                IsWrite: isWrite,
                FromThread: fromThread,
                UseOperation: !syncApi && target.HasOperations && random.Next(4) == 0,
                Body: body,
                Caller: caller,
                BodyMs: bodyMs,
                CancelAfterMs: random.Next(0, 26),
                // Mostly short deadlines (they expire while waiting), some longer ones that let a call in and
                // then cut it off while it runs.
                TimeoutMs: random.Next(3) == 0 ? random.Next(30, 101) : random.Next(1, 31));
        }

        return plans;
    }

    private static T Pick<T>(Random random, (T Kind, int Weight)[] table)
    {
        int total = 0;
        foreach (var (_, weight) in table)
        {
            total += weight;
        }

        int roll = random.Next(total);
        foreach (var (kind, weight) in table)
        {
            if (roll < weight)
            {
                return kind;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the roll is below the total weight.");
    }
}
