namespace AQueue.Orleans.Tests;

/// <summary>Returns the model's value itself, so the state type must travel back to the caller.</summary>
[GenerateSerializer]
public sealed record ReturnState<T> : IWriteOperation<T, T>
{
    public ValueTask<T> ExecuteAsync(RefMutInner<T> state, CancellationToken cancellationToken) => new(state.Value);
}
