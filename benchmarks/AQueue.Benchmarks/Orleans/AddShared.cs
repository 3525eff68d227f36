namespace AQueue.Benchmarks.Orleans;

/// <summary>The PCModel row's operation: the same increment, on the shared value.</summary>
/// <param name="Amount">What to add.</param>
[GenerateSerializer]
[Alias("aqueue.bench.AddShared")]
public sealed record AddShared([property: Id(0)] long Amount) : IReadOperation<SharedCounter, long>
{
    public ValueTask<long> ExecuteAsync(RefInner<SharedCounter> state, CancellationToken cancellationToken) =>
        new(state.Value.Add(Amount));
}
