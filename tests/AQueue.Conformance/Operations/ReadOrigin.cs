namespace AQueue.Conformance;

/// <summary>Reads where a <see cref="Tally"/> came from, and bumps its count when run as a write.</summary>
[GenerateSerializer]
public sealed record ReadOrigin : IReadOperation<Tally, string>, IWriteOperation<Tally, string>
{
    public ValueTask<string> ExecuteAsync(RefInner<Tally> state, CancellationToken cancellationToken) =>
        new($"{state.Value.Origin}#{state.Value.Count}");

    public ValueTask<string> ExecuteAsync(RefMutInner<Tally> state, CancellationToken cancellationToken)
    {
        state.Value.Count++;
        return new($"{state.Value.Origin}#{state.Value.Count}");
    }
}
