using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Mutates a list state in place, then fails.</summary>
[GenerateSerializer]
public sealed record AppendThenThrow([property: Id(0)] string Item) : IWriteOperation<List<string>, int>
{
    public ValueTask<int> ExecuteAsync(RefMutInner<List<string>> state, CancellationToken cancellationToken)
    {
        state.Value.Add(Item);
        throw new InvalidOperationException("boom after mutating the list");
    }
}
