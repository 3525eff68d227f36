using AQueue.Local;
using AQueue.Orleans.Internal;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IPCModel{T}"/>: one activation per key, cluster-wide, whose requests all
/// enter at once (<c>[Reentrant]</c>) and wait in an in-process <see cref="SemaphoreQueue"/> of n slots. Each admitted
/// operation runs on the thread pool, so up to n run in parallel on the activation's silo.
/// </summary>
/// <remarks>
/// <para><b>n</b> is the <c>maxConcurrency</c> registered with
/// <see cref="ModelRegistry.AddPCModel{T}(Func{IServiceProvider, string, T}, int)"/> on the silo: the same line as
/// in-process, so switching backend keeps the bound. It holds for the key across the whole cluster, like the
/// in-process model, and waiting calls are served first come, first served.</para>
/// <para><b>Why not a <c>[StatelessWorker(n)]</c>.</b> It was the first design, and was measured here on Orleans
/// 10.4.2: Orleans delivers a caller's cancellation to some worker of the key, not necessarily the one holding the
/// request, so the token of an operation running past its deadline was never cancelled; a busy request also waits in
/// one worker's own queue rather than a shared one, and the bound was a compile-time attribute per silo. A single
/// reentrant activation keeps every waiting and running request where the cancellation arrives.</para>
/// <para><b>The value</b> is built on the silo by the registered factory when the activation starts, and shared by
/// the running operations (so its members must be thread-safe); it is never sent by the caller. If Orleans collects
/// the idle activation, the next call builds a new value.</para>
/// <para>Operations run on the thread pool, outside the grain's single-threaded scheduler: they see only their
/// read-only view of the shared value, and may call other grains.</para>
/// </remarks>
/// <typeparam name="T">The shared value's type.</typeparam>
[Reentrant]
public sealed class PCModelGrain<T> : Grain, IPCModelGrain<T>
{
    private SemaphoreQueue? _queue;
    private InnerStore<T>? _store;

    /// <inheritdoc />
    public Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        EnsureBuilt();
        InnerStore<T> store = _store!;
        return _queue!.RunAsync(
            token => new ValueTask<TResult>(Task.Run(() => operation.ExecuteAsync(store.AsRef(), token).AsTask(), CancellationToken.None)),
            cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task<int> GetMaxConcurrencyAsync() =>
        Task.FromResult(SiloServices.GetRequired<ModelRegistry>(ServiceProvider).GetPCModel<T>().MaxConcurrency);

    /// <summary>
    /// Builds the value and the queue on the first call rather than on activation, so that a missing registration
    /// reaches the caller as the registry's own <see cref="InvalidOperationException"/> ("register a factory").
    /// </summary>
    private void EnsureBuilt()
    {
        if (_queue is not null)
        {
            return;
        }

        PCModelRegistration<T> registration = SiloServices.GetRequired<ModelRegistry>(ServiceProvider).GetPCModel<T>();
        _store = new InnerStore<T>(registration.Factory(ServiceProvider, this.GetPrimaryKeyString()));
        _queue = new SemaphoreQueue(registration.MaxConcurrency);
    }
}
