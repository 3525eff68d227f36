using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// A storm write: records its start, works for <see cref="WorkMilliseconds"/> (its token cancels that), then appends
/// <see cref="Id"/> to the ledger with no await after, so it either did not change the value or returns normally.
/// With <see cref="Throws"/> it appends and then throws: a write that must never be kept.
/// </summary>
[GenerateSerializer]
public sealed record AppendId<TLedger>([property: Id(0)] long Id, [property: Id(1)] int WorkMilliseconds, [property: Id(2)] bool Throws)
    : IWriteOperation<TLedger, StormAnswer>
    where TLedger : Ledger
{
    public async ValueTask<StormAnswer> ExecuteAsync(RefMutInner<TLedger> state, CancellationToken cancellationToken)
    {
        StartLog.Started(Id);
        if (WorkMilliseconds > 0)
        {
            await Task.Delay(WorkMilliseconds, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        List<long> ids = state.Value.Ids;
        ids.Add(Id);
        if (Throws)
        {
            throw new InvalidOperationException(StormSender.ThrownMessage);
        }

        return new StormAnswer(ids.Count, Id, 0, StormAnswer.Here);
    }
}
