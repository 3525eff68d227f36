namespace AQueue.Benchmarks.Orleans;

/// <summary>The read the reader-writer rows send: the counter's value.</summary>
[GenerateSerializer]
[Alias("aqueue.bench.ReadValue")]
public sealed record ReadValue : IReadOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(state.Value);
}
