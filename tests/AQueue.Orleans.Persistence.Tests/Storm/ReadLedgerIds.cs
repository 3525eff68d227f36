using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Every id of a ledger, in order: the storm's final read.</summary>
[GenerateSerializer]
public sealed record ReadLedgerIds<TLedger> : IReadOperation<TLedger, long[]>, IWriteOperation<TLedger, long[]>
    where TLedger : Ledger
{
    public ValueTask<long[]> ExecuteAsync(RefInner<TLedger> state, CancellationToken cancellationToken) => new([.. state.Value.Ids]);

    public ValueTask<long[]> ExecuteAsync(RefMutInner<TLedger> state, CancellationToken cancellationToken) => new([.. state.Value.Ids]);
}
