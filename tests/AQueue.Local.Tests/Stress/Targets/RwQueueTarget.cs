using AQueue.Local.Tests.Stress.Storm;

namespace AQueue.Local.Tests.Stress.Targets;

internal sealed class RwQueueTarget : IStormTarget
{
    private readonly RwQueue _queue = new();
    private readonly ExclusiveCell _cell = new();

    public string Name => "RwQueue";

    public int Bound => 1;

    public bool HasReads => true;

    public bool HasSyncApi => true;

    public bool HasOperations => false;

    public IStormCell Cell => _cell;

    public ValueTask<long> CallAsync(StormContext context, CallPlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsWrite)
        {
            return plan.UseTimedOverload
                ? _queue.WriteAsync(ct => StormBody.WriteAsync(context, plan, _cell, ct), plan.Timeout, cancellationToken)
                : _queue.WriteAsync(ct => StormBody.WriteAsync(context, plan, _cell, ct), cancellationToken);
        }

        return plan.UseTimedOverload
            ? _queue.ReadAsync(ct => StormBody.ReadAsync(context, plan, _cell, ct), plan.Timeout, cancellationToken)
            : _queue.ReadAsync(ct => StormBody.ReadAsync(context, plan, _cell, ct), cancellationToken);
    }

    public long CallSync(StormContext context, CallPlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsWrite)
        {
            return plan.UseTimedOverload
                ? _queue.Write(() => StormBody.WriteSync(context, plan, _cell), plan.Timeout, cancellationToken)
                : _queue.Write(() => StormBody.WriteSync(context, plan, _cell), cancellationToken);
        }

        return plan.UseTimedOverload
            ? _queue.Read(() => StormBody.ReadSync(context, plan, _cell), plan.Timeout, cancellationToken)
            : _queue.Read(() => StormBody.ReadSync(context, plan, _cell), cancellationToken);
    }

    public async ValueTask QuickWriteAsync() =>
        await _queue.WriteAsync(_ => { _cell.AddQuick(); return ValueTask.FromResult(0); });

    public string? BusyState() => LockInspector.Busy(_queue);
}
