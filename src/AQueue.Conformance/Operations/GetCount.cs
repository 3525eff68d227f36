namespace AQueue.Conformance;

/// <summary>Reads a counter.</summary>
[GenerateSerializer]
public sealed record GetCount : IReadOperation<long, long>, IWriteOperation<long, long>
{
    /// <inheritdoc />
    public ValueTask<long> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(state.Value);

    /// <inheritdoc />
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value);
}
