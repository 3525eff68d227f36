using AQueue.Local;
using AQueue.Local.Internal;
using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// What both PCModel grains do with a call: a <see cref="SemaphoreQueue"/> of n slots in front of a value built by the
/// registered factory, each admitted operation on the thread pool. The grains differ only in where Orleans places them
/// (one activation per key in the cluster, or one per key on each silo), so the bound is per activation here.
/// </summary>
/// <typeparam name="T">The shared value's type.</typeparam>
internal sealed class PCModelCore<T>
{
    private readonly PCModelMapping _mapping;
    private SemaphoreQueue? _queue;
    private InnerStore<T>? _store;
    private string[]? _self;
    private CallChainEntry? _inside;

    /// <param name="mapping">The mapping of the grain that holds this core; a silo registration that says otherwise
    /// is refused.</param>
    public PCModelCore(PCModelMapping mapping) => _mapping = mapping;

    /// <summary>Runs <paramref name="operation"/> once a slot is free; the queue drops it unrun if the token is cancelled first.</summary>
    /// <param name="services">The activation's services.</param>
    /// <param name="grain">The grain, whose key is read once, on the first call (reading it allocates).</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public Task<TResult> CallAsync<TResult>(IServiceProvider services, IAddressable grain, IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        EnsureBuilt(services, grain);
        long? deadline = RemoteDeadline.Take();
        string[] self = _self!;
        var call = new ThreadPoolReadInvoker<T, TResult>(_store!, operation, CallChain.Of(self), deadline ?? 0, _inside!);

        // A timed caller's deadline bounds the wait for a slot as in-process: past it, the operation never starts.
        return deadline is { } d
            ? QueuedByOrleans.LogTimeout(
                Runner.RunAsync<PermitMode, ThreadPoolReadInvoker<T, TResult>, TResult>(_queue!.Mode, call, RemoteDeadline.Left(d), cancellationToken),
                SiloServices.GetRequired<OrleansDiagnostics>(services), self[0])
            : Runner.RunAsync<PermitMode, ThreadPoolReadInvoker<T, TResult>, TResult>(_queue!.Mode, call, cancellationToken).AsTask();
    }

    /// <summary>The calls waiting for a slot now.</summary>
    public int WaitingCount => _queue?.WaitingCount ?? 0;

    /// <summary>The silo's registration of <typeparamref name="T"/>, for a caller that has none.</summary>
    public static Task<PCModelSiloSettings> DescribeAsync(IServiceProvider services)
    {
        PCModelRegistration<T> registration = SiloServices.GetRequired<ModelRegistry>(services).GetPCModel<T>();
        return Task.FromResult(new PCModelSiloSettings(registration.Mapping, registration.MaxConcurrency));
    }

    /// <summary>
    /// Builds the value and the queue on the first call rather than on activation, so that a missing registration
    /// reaches the caller as the registry's own <see cref="InvalidOperationException"/> ("register a factory"), and so
    /// that a caller whose mapping disagrees with the silo's is refused before anything is built.
    /// </summary>
    private void EnsureBuilt(IServiceProvider services, IAddressable grain)
    {
        if (_queue is not null)
        {
            return;
        }

        string key = grain.GetPrimaryKeyString();

        PCModelRegistration<T> registration = SiloServices.GetRequired<ModelRegistry>(services).GetPCModel<T>();
        if (registration.Mapping != _mapping)
        {
            throw new InvalidOperationException(
                $"PCModels of {typeof(T)} are registered {registration.Mapping} on this silo, but this call reached the {_mapping} " +
                $"grain: the caller's registry says {_mapping}. Register the same mapping on every silo and on every client " +
                $"given a registry, e.g. models.AddPCModel<{typeof(T).Name}>(..., maxConcurrency: {registration.MaxConcurrency}, " +
                $"mapping: PCModelMapping.{registration.Mapping}), or give the client no registry: it then asks a silo.");
        }

        _store = new InnerStore<T>(registration.Factory(services, key));
        _self = [CallChain.Name(ModelKind.PCModel, typeof(T), key)];
        _inside = new CallChainEntry(_self);
        // The queue reports its calls (wait, hold, outcome, waiting) as an in-process model's, tagged with this mapping.
        _queue = new SemaphoreQueue(registration.MaxConcurrency)
        {
            Telemetry = SiloServices.GetRequired<OrleansDiagnostics>(services).Model(ModelKind.PCModel, typeof(T), OrleansDiagnostics.MappingName(_mapping)),
        };
    }
}
