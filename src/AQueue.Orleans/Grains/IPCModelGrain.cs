using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IPCModel{T}"/>: one activation per key that runs up to n operations at once
/// on the thread pool and queues the rest in arrival order. Use <see cref="IModelProvider.GetPCModel{T}(string)"/>
/// rather than this interface.
/// </summary>
/// <typeparam name="T">The shared value's type.</typeparam>
[Alias("aqueue.IPCModelGrain`1")]
public interface IPCModelGrain<T> : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="operation"/> once one of the model's slots is free.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation; a <c>[GenerateSerializer]</c> type.</param>
    /// <param name="cancellationToken">The caller's token; Orleans carries its cancellation to the silo.</param>
    /// <returns>The operation's result.</returns>
    [Alias("Call")]
    Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken);

    /// <summary>The bound registered for <typeparamref name="T"/> on the silo.</summary>
    /// <returns>The most operations that run at once.</returns>
    [Alias("GetMaxConcurrency")]
    Task<int> GetMaxConcurrencyAsync();
}
