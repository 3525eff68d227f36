namespace AQueue.Samples.Demo.Operations;

/// <summary>Adds <see cref="Amount"/> to a counter and returns the new value.</summary>
[GenerateSerializer, Immutable]
public sealed record Add([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value += Amount);
}
