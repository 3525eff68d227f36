namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>The closures of the storm, one per <see cref="BodyKind"/>, async and sync.</summary>
internal static class StormBody
{
    public static ValueTask<long> WriteAsync(StormContext context, CallPlan plan, IStormCell cell, CancellationToken cancellationToken)
    {
        context.EnterWrite(plan.Id);
        if (plan.Body == BodyKind.ThrowBefore)
        {
            // Thrown before any task exists: the runner must release the lock on this path too.
            context.ExitWrite(plan.Id);
            throw new StormException(plan.Id);
        }

        return RunAsync(context, plan, cell, cancellationToken);

        static async ValueTask<long> RunAsync(StormContext context, CallPlan plan, IStormCell cell, CancellationToken cancellationToken)
        {
            try
            {
                long snapshot;
                switch (plan.Body)
                {
                    case BodyKind.Yield:
                        snapshot = cell.Begin();
                        await Task.Yield();
                        cell.End(snapshot, plan.Id, plan.Amount);
                        return snapshot;
                    case BodyKind.Delay:
                    case BodyKind.LongHonoursToken:
                        snapshot = cell.Begin();
                        await Task.Delay(plan.BodyMs, cancellationToken);
                        cell.End(snapshot, plan.Id, plan.Amount);
                        return snapshot;
                    case BodyKind.ApplyThenDelay:
                        snapshot = cell.Begin();
                        cell.End(snapshot, plan.Id, plan.Amount);
                        await Task.Delay(plan.BodyMs, cancellationToken);
                        return snapshot;
                    case BodyKind.IgnoreToken:
                        snapshot = cell.Begin();
                        await Task.Delay(plan.BodyMs, CancellationToken.None);
                        cell.End(snapshot, plan.Id, plan.Amount);
                        return snapshot;
                    case BodyKind.ThrowAsync:
                        await Task.Yield();
                        throw new StormException(plan.Id);
                    case BodyKind.ThrowAfter:
                        snapshot = cell.Begin();
                        cell.End(snapshot, plan.Id, plan.Amount);
                        throw new StormException(plan.Id);
                    default:
                        snapshot = cell.Begin();
                        cell.End(snapshot, plan.Id, plan.Amount);
                        return snapshot;
                }
            }
            finally
            {
                context.ExitWrite(plan.Id);
            }
        }
    }

    public static ValueTask<long> ReadAsync(StormContext context, CallPlan plan, IStormCell cell, CancellationToken cancellationToken)
    {
        context.EnterRead(plan.Id);
        if (plan.Body == BodyKind.ThrowBefore)
        {
            context.ExitRead(plan.Id);
            throw new StormException(plan.Id);
        }

        return RunAsync(context, plan, cell, cancellationToken);

        static async ValueTask<long> RunAsync(StormContext context, CallPlan plan, IStormCell cell, CancellationToken cancellationToken)
        {
            try
            {
                long value = cell.Peek();
                switch (plan.Body)
                {
                    case BodyKind.Yield:
                        await Task.Yield();
                        break;
                    case BodyKind.Delay:
                    case BodyKind.LongHonoursToken:
                        await Task.Delay(plan.BodyMs, cancellationToken);
                        break;
                    case BodyKind.IgnoreToken:
                        await Task.Delay(plan.BodyMs, CancellationToken.None);
                        break;
                    case BodyKind.ThrowAsync:
                        await Task.Yield();
                        throw new StormException(plan.Id);
                }

                // Nothing may write while a read holds the lock.
                long again = cell.Peek();
                if (again != value)
                {
                    throw new InvalidOperationException($"Read {plan.Id} saw the state change under it: {value} then {again}.");
                }

                return value;
            }
            finally
            {
                context.ExitRead(plan.Id);
            }
        }
    }

    public static long WriteSync(StormContext context, CallPlan plan, IStormCell cell)
    {
        context.EnterWrite(plan.Id);
        try
        {
            if (plan.Body == BodyKind.ThrowBefore)
            {
                throw new StormException(plan.Id);
            }

            long snapshot = cell.Begin();
            if (plan.Body == BodyKind.SleepHold)
            {
                Thread.Sleep(plan.BodyMs);
            }

            cell.End(snapshot, plan.Id, plan.Amount);
            if (plan.Body == BodyKind.ThrowAfter)
            {
                throw new StormException(plan.Id);
            }

            return snapshot;
        }
        finally
        {
            context.ExitWrite(plan.Id);
        }
    }

    public static long ReadSync(StormContext context, CallPlan plan, IStormCell cell)
    {
        context.EnterRead(plan.Id);
        try
        {
            if (plan.Body == BodyKind.ThrowBefore)
            {
                throw new StormException(plan.Id);
            }

            long value = cell.Peek();
            if (plan.Body == BodyKind.SleepHold)
            {
                Thread.Sleep(plan.BodyMs);
            }

            long again = cell.Peek();
            if (again != value)
            {
                throw new InvalidOperationException($"Read {plan.Id} saw the state change under it: {value} then {again}.");
            }

            return value;
        }
        finally
        {
            context.ExitRead(plan.Id);
        }
    }
}
