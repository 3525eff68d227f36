using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Adds to a counter and returns the new value.</summary>
[GenerateSerializer]
public sealed record Add([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value += Amount);
}
