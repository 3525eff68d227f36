namespace AQueue.Conformance;

/// <summary>Throws, after an await, the exception <see cref="Kind"/> names with <see cref="Message"/>.</summary>
[GenerateSerializer]
public sealed record Fail<TState>([property: Id(0)] FailureKind Kind, [property: Id(1)] string Message)
    : IWriteOperation<TState, int>, IReadOperation<TState, int>
{
    /// <inheritdoc />
    public ValueTask<int> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken) => ThrowAsync();

    /// <inheritdoc />
    public ValueTask<int> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken) => ThrowAsync();

    private async ValueTask<int> ThrowAsync()
    {
        await Task.Yield();
        throw Kind switch
        {
            FailureKind.InvalidOperation => new InvalidOperationException(Message),
            FailureKind.Argument => new ArgumentException(Message),
            _ => new ConformanceException(Message),
        };
    }
}
