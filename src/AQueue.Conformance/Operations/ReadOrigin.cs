namespace AQueue.Conformance;

/// <summary>Reads where a <see cref="Tally"/> came from, and bumps its count when run as a write.</summary>
/// <typeparam name="TTally">The model's value type: <see cref="Tally"/> or a subclass registered with another mapping.</typeparam>
[GenerateSerializer]
public sealed record ReadOrigin<TTally> : IReadOperation<TTally, string>, IWriteOperation<TTally, string>
    where TTally : Tally
{
    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefInner<TTally> state, CancellationToken cancellationToken) =>
        new($"{state.Value.Origin}#{state.Value.Count}");

    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefMutInner<TTally> state, CancellationToken cancellationToken)
    {
        state.Value.Count++;
        return new($"{state.Value.Origin}#{state.Value.Count}");
    }
}
