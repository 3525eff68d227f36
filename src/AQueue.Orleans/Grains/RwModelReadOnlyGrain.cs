using AQueue.Local.Internal.Telemetry;
using AQueue.Orleans.Internal;
using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IRwModel{T}"/> registered with
/// <see cref="RwModelMapping.ReadOnlyInterleaving"/>: non-reentrant, its read method <c>[ReadOnly]</c> on
/// <see cref="IRwModelReadOnlyGrain{T}"/>. Orleans runs a write alone, to completion across its awaits, and lets reads
/// interleave with each other, never beside a write.
/// </summary>
/// <remarks>
/// <para><b>No write preference.</b> Orleans admits a waiting read beside running reads even when a write arrived
/// before it: a stream of overlapping reads holds a waiting write back until the stream stops (docs/orleans.md gives
/// the measured figure). <see cref="RwModelGrain{T}"/>, the default mapping, keeps write preference.</para>
/// <para>Reads interleave at their awaits on the activation's single scheduler; they never run on two threads at once.</para>
/// <para>A request whose caller cancelled while it waited is dropped by Orleans; one whose turn came before the
/// cancellation reached the silo is refused here before it starts, so a caller told "cancelled" never has its
/// operation run.</para>
/// <para>The value and its persistence are those of <see cref="RwModelGrain{T}"/>: from
/// <see cref="ModelRegistry.CreateInitialValue{T}(string)"/>, or from grain storage with
/// <c>siloBuilder.AddAQueuePersistence(...)</c>, stored after every write before the caller is answered.</para>
/// </remarks>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class RwModelReadOnlyGrain<T> : Grain, IRwModelReadOnlyGrain<T>
{
    private readonly RwModelCore<T> _core = new(RwModelMapping.ReadOnlyInterleaving);
    private string[]? _self;
    private OrleansDiagnostics? _diagnostics;
    private ModelTelemetry? _telemetry;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _diagnostics = SiloServices.GetRequired<OrleansDiagnostics>(ServiceProvider);
        _telemetry = _diagnostics.Model(ModelKind.RwModel, typeof(T), OrleansDiagnostics.MappingName(RwModelMapping.ReadOnlyInterleaving));
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
        string[] chain = CallChain.Of(Self);
        return QueuedByOrleans.RunAsync(_diagnostics!, _telemetry!, Self[0], deadline,
            (Core: _core, Operation: operation, Chain: chain, Deadline: deadline, Token: cancellationToken),
            static s => ReadAsync(s.Core, s.Operation, s.Chain, s.Deadline, s.Token));
    }

    /// <inheritdoc />
    public Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        long? deadline = RemoteDeadline.Take();
        string[] chain = CallChain.Of(Self);
        return QueuedByOrleans.RunAsync(_diagnostics!, _telemetry!, Self[0], deadline,
            (Core: _core, Operation: operation, Chain: chain, Deadline: deadline, Token: cancellationToken),
            static s => WriteAsync(s.Core, s.Operation, s.Chain, s.Deadline, s.Token));
    }

    // Grain code stays on the activation's scheduler: no ConfigureAwait(false) in this class. A mapping refusal (State
    // throws) faults the call, as before the call is observed.
    private static async Task<TResult> ReadAsync<TResult>(
        RwModelCore<T> core, IReadOperation<T, TResult> operation, string[] chain, long? deadline, CancellationToken cancellationToken) =>
        await core.State.ReadOnTurnAsync(operation, chain, deadline, cancellationToken);

    private static async Task<TResult> WriteAsync<TResult>(
        RwModelCore<T> core, IWriteOperation<T, TResult> operation, string[] chain, long? deadline, CancellationToken cancellationToken) =>
        await core.State.WriteOnTurnAsync(operation, chain, deadline, cancellationToken);

    private string[] Self => _self ??= [CallChain.Name(ModelKind.RwModel, typeof(T), this.GetPrimaryKeyString())];

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
