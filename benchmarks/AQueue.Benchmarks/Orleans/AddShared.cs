namespace AQueue.Benchmarks.Orleans;

/// <summary>The PCModel rows' operation: the same increment, on the shared value of either mapping.</summary>
/// <typeparam name="TCounter">The registered value type, which picks the mapping.</typeparam>
/// <param name="Amount">What to add.</param>
[GenerateSerializer]
[Alias("aqueue.bench.AddShared`1")]
public sealed record AddShared<TCounter>([property: Id(0)] long Amount) : IReadOperation<TCounter, long>
    where TCounter : SharedCounter
{
    public ValueTask<long> ExecuteAsync(RefInner<TCounter> state, CancellationToken cancellationToken) =>
        new(state.Value.Add(Amount));
}
