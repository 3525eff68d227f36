using AQueue.Local.Tests.Stress.Storm;

namespace AQueue.Local.Tests.Stress.Targets;

internal sealed class MutexQueueTarget : IStormTarget
{
    private readonly MutexQueue _queue = new();
    private readonly ExclusiveCell _cell = new();

    public string Name => "MutexQueue";

    public int Bound => 1;

    public bool HasReads => false;

    public bool HasSyncApi => false;

    public bool HasOperations => false;

    public IStormCell Cell => _cell;

    public ValueTask<long> CallAsync(StormContext context, CallPlan plan, CancellationToken cancellationToken) =>
        plan.UseTimedOverload
            ? _queue.RunAsync(ct => StormBody.WriteAsync(context, plan, _cell, ct), plan.Timeout, cancellationToken)
            : _queue.RunAsync(ct => StormBody.WriteAsync(context, plan, _cell, ct), cancellationToken);

    public long CallSync(StormContext context, CallPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("MutexQueue has no blocking calls.");

    public ValueTask QuickWriteAsync() => _queue.RunAsync(_ => { _cell.AddQuick(); return ValueTask.CompletedTask; });

    public string? BusyState() => LockInspector.Busy(_queue);
}
