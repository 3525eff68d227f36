using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Reads a counter.</summary>
[GenerateSerializer]
public sealed record Get : IReadOperation<long, long>, IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(state.Value);

    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value);
}
