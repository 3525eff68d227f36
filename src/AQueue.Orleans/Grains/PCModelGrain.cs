using AQueue.Local;
using AQueue.Orleans.Internal;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IPCModel{T}"/> registered with <see cref="PCModelMapping.PerCluster"/> (the
/// strict choice): one activation per key, cluster-wide, whose requests all enter at once (<c>[Reentrant]</c>) and wait
/// in an in-process <see cref="SemaphoreQueue"/> of n slots. Each admitted operation runs on the thread pool, so up to
/// n run in parallel on the activation's silo.
/// </summary>
/// <remarks>
/// <para><b>n</b> is the <c>maxConcurrency</c> registered with
/// <see cref="ModelRegistry.AddPCModel{T}(Func{IServiceProvider, string, T}, int, PCModelMapping)"/> on the silo. It
/// holds for the key across the whole cluster, like the in-process model, and waiting calls are served first come,
/// first served. The price: every call of the key runs on one silo. <see cref="PCModelWorkerGrain{T}"/> (the default
/// mapping) bounds per silo instead and scales out.</para>
/// <para><b>The value</b> is built on the silo by the registered factory on the first call, and shared by the running
/// operations (so its members must be thread-safe); it is never sent by the caller. If Orleans collects the idle
/// activation, the next call builds a new value.</para>
/// <para>Operations run on the thread pool, outside the grain's single-threaded scheduler: they see only their
/// read-only view of the shared value, and may call other grains.</para>
/// </remarks>
/// <typeparam name="T">The shared value's type.</typeparam>
[Reentrant]
internal sealed class PCModelGrain<T> : Grain, IPCModelGrain<T>, IQueueingGrain
{
    private readonly PCModelCore<T> _core = new(PCModelMapping.PerCluster);

    /// <inheritdoc />
    public Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation) => CallAsync(operation, CancellationToken.None);

    /// <inheritdoc />
    public Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken) =>
        _core.CallAsync(ServiceProvider, this, operation, cancellationToken);

    /// <inheritdoc />
    public Task<PCModelSiloSettings> DescribeAsync() => PCModelCore<T>.DescribeAsync(ServiceProvider);

    int IQueueingGrain.WaitingCount => _core.WaitingCount;

    /// <inheritdoc />
    public Task<TResult> CallAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IReadOperation<T, TResult> => CallAsync<TResult>(operation, cancellationToken);

    /// <inheritdoc />
    public Task<TResult> CallAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IReadOperation<T, TResult> => CallAsync<TResult>(operation, CancellationToken.None);
}
