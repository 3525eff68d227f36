using AQueue.Local;
using AQueue.Local.Internal;
using AQueue.Orleans.Internal;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IRwModel{T}"/> registered with <see cref="RwModelMapping.WritePreferring"/>
/// (the default). Every request enters the activation at once
/// (<c>[Reentrant]</c>) and waits in an in-process <see cref="RwQueue"/>: reads run together, a write runs alone,
/// and once a write waits, reads that arrive after it wait behind it.
/// </summary>
/// <remarks>
/// <para>Why not Orleans' own <c>[ReadOnly]</c> reads: Orleans admits a waiting read beside running reads even when a
/// write arrived before it, so a stream of reads can hold a write back indefinitely. The queue keeps arrival order
/// and write preference; a request cancelled while it waits leaves the queue and never runs. The other mapping,
/// <see cref="RwModelMapping.ReadOnlyInterleaving"/> (<see cref="RwModelReadOnlyGrain{T}"/>), uses <c>[ReadOnly]</c>
/// and pays that price.</para>
/// <para>Reads "run together" by interleaving at their awaits on the activation's single scheduler; they never run on
/// two threads at once. CPU-heavy parallel reads need several keys (activations) or a PCModel.</para>
/// <para>The value starts from <see cref="ModelRegistry.CreateInitialValue{T}(string)"/> on the silo and lives in the
/// activation's memory, unless <c>siloBuilder.AddAQueuePersistence(...)</c> keeps it in grain storage: then it is
/// loaded on activation and stored after every write, before the caller is answered; reads never write (see
/// <see cref="AQueuePersistenceOptions"/>).</para>
/// </remarks>
/// <typeparam name="T">The guarded value's type.</typeparam>
[Reentrant]
internal sealed class RwModelGrain<T> : Grain, IRwModelGrain<T>, IQueueingGrain
{
    private readonly RwQueue _queue = new();
    private readonly RwModelCore<T> _core = new(RwModelMapping.WritePreferring);
    private TaskScheduler _scheduler = TaskScheduler.Default;
    private string[]? _self;
    private OrleansDiagnostics? _diagnostics;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Grain code stays on the activation's scheduler: no ConfigureAwait(false) in this class.
        _scheduler = TaskScheduler.Current;
        _diagnostics = SiloServices.GetRequired<OrleansDiagnostics>(ServiceProvider);

        // The queue reports its calls (wait, hold, outcome, waiting) as an in-process model's, tagged with this mapping.
        _queue.Telemetry = _diagnostics.Model(ModelKind.RwModel, typeof(T), OrleansDiagnostics.MappingName(RwModelMapping.WritePreferring));
        CallChain.OnActivation(Self);
        return _core.ActivateAsync(ServiceProvider, GrainContext, this.GetPrimaryKeyString(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation) => CallAsync(operation, CancellationToken.None);

    /// <inheritdoc />
    public Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation) => CallMutAsync(operation, CancellationToken.None);

    /// <inheritdoc />
    public Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        long? deadline = RemoteDeadline.Take();
        var read = new ActivationReadInvoker<T, TResult>(_scheduler, _core.State, operation, CallChain.Of(Self), deadline ?? 0);

        // A timed caller's deadline bounds the wait here as in-process: past it, the operation never starts.
        return deadline is { } d
            ? QueuedByOrleans.LogTimeout(
                Runner.RunAsync<ReadMode, ActivationReadInvoker<T, TResult>, TResult>(_queue.ReadMode, read, RemoteDeadline.Left(d), cancellationToken), _diagnostics!, Self[0])
            : Runner.RunAsync<ReadMode, ActivationReadInvoker<T, TResult>, TResult>(_queue.ReadMode, read, cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);

        // Saved inside the write section, before the caller is answered (see ModelState.WriteAsync).
        long? deadline = RemoteDeadline.Take();
        var write = new ActivationWriteInvoker<T, TResult>(_scheduler, _core.State, operation, CallChain.Of(Self), deadline ?? 0);
        return deadline is { } d
            ? QueuedByOrleans.LogTimeout(
                Runner.RunAsync<WriteMode, ActivationWriteInvoker<T, TResult>, TResult>(_queue.WriteMode, write, RemoteDeadline.Left(d), cancellationToken), _diagnostics!, Self[0])
            : Runner.RunAsync<WriteMode, ActivationWriteInvoker<T, TResult>, TResult>(_queue.WriteMode, write, cancellationToken).AsTask();
    }

    private string[] Self => _self ??= [CallChain.Name(ModelKind.RwModel, typeof(T), this.GetPrimaryKeyString())];

    int IQueueingGrain.WaitingCount => _queue.WaitingCount;

    /// <inheritdoc />
    public Task<TResult> CallAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IReadOperation<T, TResult> => CallAsync<TResult>(operation, cancellationToken);

    /// <inheritdoc />
    public Task<TResult> CallAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IReadOperation<T, TResult> => CallAsync<TResult>(operation, CancellationToken.None);

    /// <inheritdoc />
    public Task<TResult> CallMutAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<T, TResult> => CallMutAsync<TResult>(operation, cancellationToken);

    /// <inheritdoc />
    public Task<TResult> CallMutAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IWriteOperation<T, TResult> => CallMutAsync<TResult>(operation, CancellationToken.None);
}
