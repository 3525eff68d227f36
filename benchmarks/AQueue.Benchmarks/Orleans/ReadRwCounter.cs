namespace AQueue.Benchmarks.Orleans;

/// <summary>The RwModel mapping rows' read: the counter's value.</summary>
/// <typeparam name="TCounter">The counter type, which names the mapping.</typeparam>
[GenerateSerializer]
[Alias("aqueue.bench.ReadRwCounter`1")]
public sealed record ReadRwCounter<TCounter> : IReadOperation<TCounter, long>
    where TCounter : RwCounter
{
    public ValueTask<long> ExecuteAsync(RefInner<TCounter> state, CancellationToken cancellationToken) => new(state.Value.Value);
}
