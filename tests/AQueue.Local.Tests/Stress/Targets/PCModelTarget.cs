using AQueue.Local.Tests.Stress.Storm;

namespace AQueue.Local.Tests.Stress.Targets;

internal sealed class PCModelTarget : IStormTarget
{
    private readonly PCModel<SharedCell> _model = new(new SharedCell(), 4);

    public string Name => "PCModel";

    public int Bound => _model.MaxConcurrency;

    public bool HasReads => false;

    public bool HasSyncApi => false;

    public bool HasOperations => true;

    public IStormCell Cell => _model.Inner;

    public ValueTask<long> CallAsync(StormContext context, CallPlan plan, CancellationToken cancellationToken)
    {
        if (plan.UseOperation)
        {
            IPCModel<SharedCell> contract = _model;
            var operation = new DelegateReadOperation<SharedCell, long>((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct));
            return plan.UseTimedOverload
                ? contract.CallAsync(operation, plan.Timeout, cancellationToken)
                : contract.CallAsync(operation, cancellationToken);
        }

        return plan.UseTimedOverload
            ? _model.CallAsync((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct), plan.Timeout, cancellationToken)
            : _model.CallAsync((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct), cancellationToken);
    }

    public long CallSync(StormContext context, CallPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("PCModel has no blocking calls.");

    public ValueTask QuickWriteAsync() => _model.CallAsync(s => { s.Value.AddQuick(); return ValueTask.CompletedTask; });

    public string? BusyState() =>
        LockInspector.Busy(LockInspector.QueueOf<SemaphoreQueue>(_model)) ?? (_model.WaitingCount == 0 ? null : $"PCModel.WaitingCount {_model.WaitingCount}");
}
