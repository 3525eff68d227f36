namespace AQueue.Benchmarks.Orleans;

/// <summary>The operation the adapter rows send: add <see cref="Amount"/> to the counter, return the new value.</summary>
/// <param name="Amount">What to add.</param>
[GenerateSerializer]
[Alias("aqueue.bench.Add")]
public sealed record Add([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) =>
        new(state.Value += Amount);
}
