namespace AQueue.Samples.Demo.Operations;

/// <summary>Reads a counter: shared on a reader-writer model, exclusive on an actor.</summary>
[GenerateSerializer, Immutable]
public sealed record GetValue : IReadOperation<long, long>, IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(state.Value);

    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value);
}
