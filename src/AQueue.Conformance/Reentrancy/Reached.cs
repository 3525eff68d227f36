namespace AQueue.Conformance;

/// <summary>The end of a re-entrancy chain: answers "reached".</summary>
/// <typeparam name="TState">The model's state type.</typeparam>
[GenerateSerializer]
public sealed record Reached<TState> : IReentryStep<TState>
{
    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken) => new("reached");

    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken) => new("reached");
}
