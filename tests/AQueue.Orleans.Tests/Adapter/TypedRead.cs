namespace AQueue.Orleans.Tests;

/// <summary>Reads the value: used by <see cref="TypedCallTests"/> alone.</summary>
[GenerateSerializer]
public sealed record TypedRead : IReadOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(state.Value);
}
