namespace AQueue;

/// <summary>
/// A read operation made from a delegate. It runs on the in-process backend only (see <see cref="ILocalOnlyOperation"/>).
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class DelegateReadOperation<TState, TResult> : IReadOperation<TState, TResult>, ILocalOnlyOperation
{
    private readonly Func<RefInner<TState>, CancellationToken, ValueTask<TResult>> _body;

    /// <summary>Wraps <paramref name="body"/>.</summary>
    /// <param name="body">The code to run with shared access.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public DelegateReadOperation(Func<RefInner<TState>, CancellationToken, ValueTask<TResult>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
    }

    /// <inheritdoc />
    public ValueTask<TResult> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken) => _body(state, cancellationToken);
}
