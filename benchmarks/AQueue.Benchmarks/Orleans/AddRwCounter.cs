namespace AQueue.Benchmarks.Orleans;

/// <summary>The RwModel mapping rows' write: add <see cref="Amount"/> to the counter, return the new value.</summary>
/// <typeparam name="TCounter">The counter type, which names the mapping.</typeparam>
/// <param name="Amount">What to add.</param>
[GenerateSerializer]
[Alias("aqueue.bench.AddRwCounter`1")]
public sealed record AddRwCounter<TCounter>([property: Id(0)] long Amount) : IWriteOperation<TCounter, long>
    where TCounter : RwCounter
{
    public ValueTask<long> ExecuteAsync(RefMutInner<TCounter> state, CancellationToken cancellationToken) =>
        new(state.Value.Value += Amount);
}
