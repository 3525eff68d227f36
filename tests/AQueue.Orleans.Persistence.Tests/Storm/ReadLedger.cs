using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A storm read: records its start, works for <see cref="WorkMilliseconds"/>, then reports the length, last id and
/// digest of the ledger it sees. A read of a reader-writer model, and an actor call that only looks.</summary>
[GenerateSerializer]
public sealed record ReadLedger<TLedger>([property: Id(0)] long CallId, [property: Id(1)] int WorkMilliseconds)
    : IReadOperation<TLedger, StormAnswer>, IWriteOperation<TLedger, StormAnswer>
    where TLedger : Ledger
{
    public ValueTask<StormAnswer> ExecuteAsync(RefInner<TLedger> state, CancellationToken cancellationToken) => ReadAsync(state.Value, cancellationToken);

    public ValueTask<StormAnswer> ExecuteAsync(RefMutInner<TLedger> state, CancellationToken cancellationToken) => ReadAsync(state.Value, cancellationToken);

    private async ValueTask<StormAnswer> ReadAsync(TLedger ledger, CancellationToken cancellationToken)
    {
        StartLog.Started(CallId);
        if (WorkMilliseconds > 0)
        {
            await Task.Delay(WorkMilliseconds, cancellationToken);
        }

        List<long> ids = ledger.Ids;
        return new StormAnswer(ids.Count, ids.Count == 0 ? 0 : ids[^1], Ledger.Digest(ids, ids.Count), StormAnswer.Here);
    }
}
