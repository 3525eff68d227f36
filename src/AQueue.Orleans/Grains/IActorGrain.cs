using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IActor{T}"/>: a non-reentrant grain keyed by the model's key, so one
/// operation runs at a time, in the order Orleans delivers them. Use <see cref="IModelProvider.GetActor{T}(string)"/>
/// rather than this interface; the proxy it returns adds timeouts, clear errors and the local-only check.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
[Alias("aqueue.IActorGrain`1")]
public interface IActorGrain<T> : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="operation"/> on the silo with exclusive access to the value.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("InnerCall")]
    Task<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="operation"/> as <see cref="InnerCallAsync{TResult}(IWriteOperation{T, TResult}, CancellationToken)"/>
    /// does, for a caller whose token cannot be cancelled: Orleans sends a lighter request for a method without a token.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("InnerCallUncancellable")]
    Task<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation);

    /// <summary>As <see cref="InnerCallAsync{TResult}(IWriteOperation{T, TResult}, CancellationToken)"/>, the operation's own type a type
    /// argument: the request then carries the operation without its runtime type beside it (the proxy's call once a type
    /// has crossed the wire).</summary>
    /// <typeparam name="TOperation">The operation's runtime type.</typeparam>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("InnerCallTyped")]
    Task<TResult> InnerCallAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<T, TResult>;

    /// <summary>As <see cref="InnerCallAsync{TOperation, TResult}(TOperation, CancellationToken)"/>, for a caller whose token cannot be cancelled.</summary>
    /// <typeparam name="TOperation">The operation's runtime type.</typeparam>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("InnerCallTypedUncancellable")]
    Task<TResult> InnerCallAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IWriteOperation<T, TResult>;
}
