using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IRwModel{T}"/>: reads share the value, writes have it alone, and a
/// waiting write holds back the reads that arrive after it. Use <see cref="IModelProvider.GetRwModel{T}(string)"/>
/// rather than this interface.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
[Alias("aqueue.IRwModelGrain`1")]
public interface IRwModelGrain<T> : IGrainWithStringKey
{
    /// <summary>Runs a shared <paramref name="operation"/> on the silo.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("Call")]
    Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken);

    /// <summary>Runs an exclusive <paramref name="operation"/> on the silo.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallMut")]
    Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken);

    /// <summary>Runs a read as <see cref="CallAsync{TResult}(IReadOperation{T, TResult}, CancellationToken)"/> does, for a
    /// caller whose token cannot be cancelled: Orleans sends a lighter request for a method without a token.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallUncancellable")]
    Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation);

    /// <summary>Runs a write as <see cref="CallMutAsync{TResult}(IWriteOperation{T, TResult}, CancellationToken)"/> does,
    /// for a caller whose token cannot be cancelled.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallMutUncancellable")]
    Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation);

    /// <summary>As <see cref="CallAsync{TResult}(IReadOperation{T, TResult}, CancellationToken)"/>, the operation's own type a type
    /// argument: the request then carries the operation without its runtime type beside it (the proxy's call once a type
    /// has crossed the wire).</summary>
    /// <typeparam name="TOperation">The operation's runtime type.</typeparam>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallTyped")]
    Task<TResult> CallAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IReadOperation<T, TResult>;

    /// <summary>As <see cref="CallAsync{TOperation, TResult}(TOperation, CancellationToken)"/>, for a caller whose token cannot be cancelled.</summary>
    /// <typeparam name="TOperation">The operation's runtime type.</typeparam>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallTypedUncancellable")]
    Task<TResult> CallAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IReadOperation<T, TResult>;

    /// <summary>As <see cref="CallMutAsync{TResult}(IWriteOperation{T, TResult}, CancellationToken)"/>, the operation's own type a type
    /// argument: the request then carries the operation without its runtime type beside it (the proxy's call once a type
    /// has crossed the wire).</summary>
    /// <typeparam name="TOperation">The operation's runtime type.</typeparam>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallMutTyped")]
    Task<TResult> CallMutAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<T, TResult>;

    /// <summary>As <see cref="CallMutAsync{TOperation, TResult}(TOperation, CancellationToken)"/>, for a caller whose token cannot be cancelled.</summary>
    /// <typeparam name="TOperation">The operation's runtime type.</typeparam>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallMutTypedUncancellable")]
    Task<TResult> CallMutAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IWriteOperation<T, TResult>;
}
