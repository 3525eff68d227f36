namespace AQueue.Orleans.Tests;

/// <summary>Adds <see cref="Amount"/>: used by <see cref="TypedCallTests"/> alone, so its first call in the process is that test's.</summary>
/// <param name="Amount">What to add.</param>
[GenerateSerializer]
public sealed record TypedAdd([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value += Amount);
}
