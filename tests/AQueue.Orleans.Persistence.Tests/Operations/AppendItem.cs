using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Appends to a list state (a mutable reference type) and returns its length.</summary>
[GenerateSerializer]
public sealed record AppendItem([property: Id(0)] string Item) : IWriteOperation<List<string>, int>
{
    public ValueTask<int> ExecuteAsync(RefMutInner<List<string>> state, CancellationToken cancellationToken)
    {
        state.Value.Add(Item);
        return new(state.Value.Count);
    }
}
