using AQueue.Local.Internal.Telemetry;
using AQueue.Orleans.Internal;
using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IActor{T}"/>. It is non-reentrant, so Orleans runs one operation at a
/// time, each to completion across its awaits, and queues the rest in arrival order; a queued request whose caller
/// cancels is dropped and never runs.
/// </summary>
/// <remarks>
/// <para>The value starts from <see cref="ModelRegistry.CreateInitialValue{T}(string)"/> on the silo when the
/// activation starts and lives in the activation's memory (lost when Orleans collects an idle activation), unless
/// <c>siloBuilder.AddAQueuePersistence(...)</c> keeps it in grain storage: then it is loaded on activation and stored
/// after every operation, before the caller is answered (see <see cref="AQueuePersistenceOptions"/>).</para>
/// <para>An operation that calls the same actor again waits for itself: a non-reentrant grain calling itself
/// deadlocks until Orleans' response timeout (30 s by default) fails it with <see cref="TimeoutException"/>.</para>
/// </remarks>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class ActorGrain<T> : Grain, IActorGrain<T>
{
    private ModelState<T>? _state;
    private string[]? _self;
    private OrleansDiagnostics? _diagnostics;
    private ModelTelemetry? _telemetry;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Grain code stays on the activation's scheduler: no ConfigureAwait(false) in this class.
        var factory = SiloServices.GetRequired<IModelStateFactory>(ServiceProvider);
        _diagnostics = SiloServices.GetRequired<OrleansDiagnostics>(ServiceProvider);
        _telemetry = _diagnostics.Model(ModelKind.Actor, typeof(T), OrleansDiagnostics.ActorMapping);
        ModelState<T> state = factory.Create<T>(ModelKind.Actor, GrainContext);
        CallChain.OnActivation(Self);
        await state.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
        _state = state;
    }

    /// <inheritdoc />
    public Task<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation) => InnerCallAsync(operation, CancellationToken.None);

    /// <inheritdoc />
    public Task<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);

        // A caller that gave up while the request was on its way or queued never has its operation run, as in-process:
        // its token is cancelled, or its deadline has passed.
        long? deadline = RemoteDeadline.Take();
        string[] chain = CallChain.Of(Self);
        return QueuedByOrleans.RunAsync(_diagnostics!, _telemetry!, Self[0], deadline,
            (Grain: this, Operation: operation, Chain: chain, Deadline: deadline, Token: cancellationToken),
            static s => s.Grain._state!.WriteOnTurnAsync(s.Operation, s.Chain, s.Deadline, s.Token).AsTask());
    }

    private string[] Self => _self ??= [CallChain.Name(ModelKind.Actor, typeof(T), this.GetPrimaryKeyString())];

    /// <inheritdoc />
    public Task<TResult> InnerCallAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<T, TResult> => InnerCallAsync<TResult>(operation, cancellationToken);

    /// <inheritdoc />
    public Task<TResult> InnerCallAsync<TOperation, TResult>(TOperation operation)
        where TOperation : IWriteOperation<T, TResult> => InnerCallAsync<TResult>(operation, CancellationToken.None);
}
