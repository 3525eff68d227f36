using AQueue;

namespace TestClusterConsumer;

/// <summary>The consumer's own operation type: Orleans' code generator runs in this project.</summary>
[GenerateSerializer, Immutable]
public sealed record Add([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value += Amount);
}
