namespace AQueue.Orleans.Tests;

/// <summary>Returns the model's value itself, so the state type must travel back to the caller.</summary>
[GenerateSerializer]
public sealed record ReturnState<T> : IWriteOperation<T, T>
{
    public ValueTask<T> ExecuteAsync(RefMutInner<T> state, CancellationToken cancellationToken) => new(state.Value);
}

/// <summary>Says whether it runs on a grain activation's scheduler rather than the thread pool.</summary>
[GenerateSerializer]
public sealed record OnActivationScheduler : IReadOperation<long, bool>, IWriteOperation<long, bool>
{
    public ValueTask<bool> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(Check());

    public ValueTask<bool> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(Check());

    private static bool Check() => TaskScheduler.Current != TaskScheduler.Default;
}

/// <summary>A value type with no PCModel factory registered.</summary>
[GenerateSerializer]
public sealed class Unregistered
{
}
