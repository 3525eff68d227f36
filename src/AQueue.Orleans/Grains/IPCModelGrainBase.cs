using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// What both PCModel grains answer: <see cref="IPCModelGrain{T}"/> (one activation per key in the cluster) and
/// <see cref="IPCModelWorkerGrain{T}"/> (a stateless worker, one activation per key on each silo). Use
/// <see cref="IModelProvider.GetPCModel{T}(string)"/> rather than these interfaces: it picks the grain the
/// registration's <see cref="PCModelMapping"/> names.
/// </summary>
/// <typeparam name="T">The shared value's type.</typeparam>
[Alias("aqueue.IPCModelGrainBase`1")]
public interface IPCModelGrainBase<T> : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="operation"/> once one of the activation's slots is free.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="InvalidOperationException">No PCModel of <typeparamref name="T"/> is registered on the silo, or
    /// it is registered with the other <see cref="PCModelMapping"/> than this grain's.</exception>
    [Alias("Call")]
    Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="operation"/> as <see cref="CallAsync{TResult}(IReadOperation{T, TResult}, CancellationToken)"/>
    /// does, for a caller whose token cannot be cancelled: Orleans sends a lighter request for a method without a token.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <returns>The operation's result.</returns>
    [Alias("CallUncancellable")]
    Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation);

    /// <summary>The registration of <typeparamref name="T"/> on the silo that answers: its mapping and bound. A client
    /// without a registry asks this once per type to learn which grain to call.</summary>
    /// <returns>The silo's mapping and bound for <typeparamref name="T"/>.</returns>
    /// <exception cref="InvalidOperationException">No PCModel of <typeparamref name="T"/> is registered on the silo.</exception>
    [Alias("Describe")]
    Task<PCModelSiloSettings> DescribeAsync();

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
}
