using AQueue.Local;
using AQueue.Orleans.Internal;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IPCModel{T}"/> registered with <see cref="PCModelMapping.PerSilo"/> (the
/// default): a stateless worker with at most one activation per key on each silo (<c>[StatelessWorker(1)]</c>), whose
/// requests all enter at once (<c>[Reentrant]</c>) and wait in an in-process <see cref="SemaphoreQueue"/> of n slots.
/// At most n operations of a key run at once on each silo, in parallel on the thread pool; a silo's waiting calls are
/// served first come, first served.
/// </summary>
/// <remarks>
/// <para><b>Placement.</b> A call made on a silo (from a grain or a silo service) runs on that silo's worker. An
/// external client sends every message of one grain id, its cancellations included, through the same gateway, so its
/// calls of a key share that silo's worker and their cancellations reach it. With k silos a key runs up to k·n
/// operations at once.</para>
/// <para><b>Why one worker with a queue rather than <c>[StatelessWorker(n)]</c>.</b> Orleans routes a caller's
/// cancellation by grain id to <em>some</em> worker of the key on the silo, not necessarily the one holding the request
/// (dotnet/orleans#9877); with n workers a running request was never cancelled and a queued one whose caller had
/// been told "cancelled" still ran. With one worker per silo the cancellation always reaches the activation that holds
/// the request, and a single queue serves the silo's calls in arrival order instead of a queue per worker.</para>
/// <para><b>The value</b> is built on each silo by the registered factory on that silo's first call, and shared by the
/// operations running there (so its members must be thread-safe); it is never sent by the caller. Idle workers are not
/// removed early (<c>removeIdleWorkers: false</c>): the worker, and its value, live until Orleans collects the idle
/// activation like any other.</para>
/// </remarks>
/// <typeparam name="T">The shared value's type.</typeparam>
[StatelessWorker(1, removeIdleWorkers: false)]
[Reentrant]
internal sealed class PCModelWorkerGrain<T> : Grain, IPCModelWorkerGrain<T>, IQueueingGrain
{
    private readonly PCModelCore<T> _core = new(PCModelMapping.PerSilo);

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
