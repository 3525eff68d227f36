using AQueue.Local.Tests.Stress.Storm;

namespace AQueue.Local.Tests.Stress.Targets;

internal sealed class ActorTarget : IStormTarget
{
    private readonly Actor<ExclusiveCell> _actor = new(new ExclusiveCell());

    public string Name => "Actor";

    public int Bound => 1;

    public bool HasReads => false;

    public bool HasSyncApi => false;

    public bool HasOperations => true;

    public IStormCell Cell => _actor.DangerousGetInner();

    public ValueTask<long> CallAsync(StormContext context, CallPlan plan, CancellationToken cancellationToken)
    {
        if (plan.UseOperation)
        {
            IActor<ExclusiveCell> contract = _actor;
            var operation = new DelegateWriteOperation<ExclusiveCell, long>((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct));
            return plan.UseTimedOverload
                ? contract.InnerCallAsync(operation, plan.Timeout, cancellationToken)
                : contract.InnerCallAsync(operation, cancellationToken);
        }

        return plan.UseTimedOverload
            ? _actor.InnerCallAsync((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct), plan.Timeout, cancellationToken)
            : _actor.InnerCallAsync((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct), cancellationToken);
    }

    public long CallSync(StormContext context, CallPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Actor has no blocking calls.");

    public ValueTask QuickWriteAsync() => _actor.InnerCallAsync(s => { s.Value.AddQuick(); return ValueTask.CompletedTask; });

    public string? BusyState() => LockInspector.Busy(LockInspector.QueueOf<MutexQueue>(_actor)) ?? Waiting(_actor.WaitingCount);

    private static string? Waiting(int count) => count == 0 ? null : $"Actor.WaitingCount {count}";
}
