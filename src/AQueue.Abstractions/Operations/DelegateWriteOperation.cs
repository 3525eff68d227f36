namespace AQueue;

/// <summary>
/// A write operation made from a delegate. It runs on the in-process backend only (see <see cref="ILocalOnlyOperation"/>).
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class DelegateWriteOperation<TState, TResult> : IWriteOperation<TState, TResult>, ILocalOnlyOperation
{
    private readonly Func<RefMutInner<TState>, CancellationToken, ValueTask<TResult>> _body;

    /// <summary>Wraps <paramref name="body"/>.</summary>
    /// <param name="body">The code to run with exclusive access.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public DelegateWriteOperation(Func<RefMutInner<TState>, CancellationToken, ValueTask<TResult>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
    }

    /// <inheritdoc />
    public ValueTask<TResult> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken) => _body(state, cancellationToken);
}
