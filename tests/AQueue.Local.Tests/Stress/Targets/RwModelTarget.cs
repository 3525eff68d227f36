using AQueue.Local.Tests.Stress.Storm;

namespace AQueue.Local.Tests.Stress.Targets;

internal sealed class RwModelTarget : IStormTarget
{
    private readonly RwModel<ExclusiveCell> _model = new(new ExclusiveCell());
    private readonly ExclusiveCell _cell;

    public RwModelTarget() => _cell = _model.Call(s => s.Value);

    public string Name => "RwModel";

    public int Bound => 1;

    public bool HasReads => true;

    public bool HasSyncApi => true;

    public bool HasOperations => true;

    public IStormCell Cell => _cell;

    public ValueTask<long> CallAsync(StormContext context, CallPlan plan, CancellationToken cancellationToken)
    {
        IRwModel<ExclusiveCell> contract = _model;
        if (plan.IsWrite)
        {
            if (plan.UseOperation)
            {
                var operation = new DelegateWriteOperation<ExclusiveCell, long>((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct));
                return plan.UseTimedOverload
                    ? contract.CallMutAsync(operation, plan.Timeout, cancellationToken)
                    : contract.CallMutAsync(operation, cancellationToken);
            }

            return plan.UseTimedOverload
                ? _model.CallMutAsync((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct), plan.Timeout, cancellationToken)
                : _model.CallMutAsync((s, ct) => StormBody.WriteAsync(context, plan, s.Value, ct), cancellationToken);
        }

        if (plan.UseOperation)
        {
            var operation = new DelegateReadOperation<ExclusiveCell, long>((s, ct) => StormBody.ReadAsync(context, plan, s.Value, ct));
            return plan.UseTimedOverload
                ? contract.CallAsync(operation, plan.Timeout, cancellationToken)
                : contract.CallAsync(operation, cancellationToken);
        }

        return plan.UseTimedOverload
            ? _model.CallAsync((s, ct) => StormBody.ReadAsync(context, plan, s.Value, ct), plan.Timeout, cancellationToken)
            : _model.CallAsync((s, ct) => StormBody.ReadAsync(context, plan, s.Value, ct), cancellationToken);
    }

    public long CallSync(StormContext context, CallPlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsWrite)
        {
            return plan.UseTimedOverload
                ? _model.CallMut(s => StormBody.WriteSync(context, plan, s.Value), plan.Timeout, cancellationToken)
                : _model.CallMut(s => StormBody.WriteSync(context, plan, s.Value), cancellationToken);
        }

        return plan.UseTimedOverload
            ? _model.Call(s => StormBody.ReadSync(context, plan, s.Value), plan.Timeout, cancellationToken)
            : _model.Call(s => StormBody.ReadSync(context, plan, s.Value), cancellationToken);
    }

    public ValueTask QuickWriteAsync() => _model.CallMutAsync(s => { s.Value.AddQuick(); return ValueTask.CompletedTask; });

    public string? BusyState() =>
        LockInspector.Busy(LockInspector.QueueOf<RwQueue>(_model)) ?? (_model.WaitingCount == 0 ? null : $"RwModel.WaitingCount {_model.WaitingCount}");
}
