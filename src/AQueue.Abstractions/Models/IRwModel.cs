namespace AQueue;

/// <summary>
/// A value that many reads may share and one write at a time may change. Once a write waits, reads that
/// arrive after it wait behind it, so writes are never starved. In-process an async reader-writer queue;
/// on Orleans a reentrant grain that queues its requests in the same reader-writer queue (its reads interleave on
/// the activation's one scheduler rather than running on parallel threads).
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
public interface IRwModel<T> : IModel<T>
{
    /// <summary>Runs a shared <paramref name="operation"/>, beside other reads and never beside a write.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="cancellationToken">Cancels the wait (the operation then never runs) and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default);

    /// <summary>Runs a shared <paramref name="operation"/> within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Runs an exclusive <paramref name="operation"/>: no read or other write runs beside it.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="cancellationToken">Cancels the wait (the operation then never runs) and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default);

    /// <summary>Runs an exclusive <paramref name="operation"/> within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default);
}
