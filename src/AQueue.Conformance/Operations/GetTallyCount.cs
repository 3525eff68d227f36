namespace AQueue.Conformance;

/// <summary>Reads a <see cref="Tally"/>'s count, as a read or as a write.</summary>
/// <typeparam name="TTally">The model's value type.</typeparam>
[GenerateSerializer]
public sealed record GetTallyCount<TTally> : IReadOperation<TTally, long>, IWriteOperation<TTally, long>
    where TTally : Tally
{
    /// <inheritdoc />
    public ValueTask<long> ExecuteAsync(RefInner<TTally> state, CancellationToken cancellationToken) => new(state.Value.Count);

    /// <inheritdoc />
    public ValueTask<long> ExecuteAsync(RefMutInner<TTally> state, CancellationToken cancellationToken) => new(state.Value.Count);
}
