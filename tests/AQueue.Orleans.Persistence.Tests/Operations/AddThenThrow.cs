using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Changes the counter, then fails: a write that must not be kept.</summary>
[GenerateSerializer]
public sealed record AddThenThrow([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken)
    {
        state.Value += Amount;
        throw new InvalidOperationException("boom after changing the value");
    }
}
