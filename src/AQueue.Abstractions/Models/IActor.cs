namespace AQueue;

/// <summary>
/// A value that one call at a time may change, in arrival order: an async mutex queue in-process, a
/// non-reentrant grain on Orleans.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
public interface IActor<T> : IModel<T>
{
    /// <summary>Runs <paramref name="operation"/> with exclusive access, after every call that arrived before it.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="cancellationToken">Cancels the wait (the operation then never runs) and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the operation started.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this model's own calls.</exception>
    ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="operation"/> with exclusive access, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first. The operation's token was cancelled; if it had
    /// started, the model stays locked until it returns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default);
}
