namespace AQueue.Orleans.Tests;

/// <summary>An operation someone forgot to mark [GenerateSerializer].</summary>
public sealed class PlainIncrement : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(++state.Value);
}

/// <summary>A state type someone forgot to mark [GenerateSerializer].</summary>
public sealed class PlainState
{
    public int Count { get; set; }
}
