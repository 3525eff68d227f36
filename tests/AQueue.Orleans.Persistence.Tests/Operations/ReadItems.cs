using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Reads a list state.</summary>
[GenerateSerializer]
public sealed record ReadItems : IReadOperation<List<string>, string[]>, IWriteOperation<List<string>, string[]>
{
    public ValueTask<string[]> ExecuteAsync(RefInner<List<string>> state, CancellationToken cancellationToken) => new([.. state.Value]);

    public ValueTask<string[]> ExecuteAsync(RefMutInner<List<string>> state, CancellationToken cancellationToken) => new([.. state.Value]);
}
