using AQueue.Local;

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

    /// <param name="mapping">The mapping of the grain that holds this core; a silo registration that says otherwise
    /// is refused.</param>
    public PCModelCore(PCModelMapping mapping) => _mapping = mapping;

    /// <summary>Runs <paramref name="operation"/> once a slot is free; the queue drops it unrun if the token is cancelled first.</summary>
    public Task<TResult> CallAsync<TResult>(IServiceProvider services, string key, IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        EnsureBuilt(services, key);
        InnerStore<T> store = _store!;
        string[] chain = CallChain.Of(_self ??= [CallChain.Name(ModelKind.PCModel, typeof(T), key)]);
        return _queue!.RunAsync(
            token => new ValueTask<TResult>(Task.Run(
                () =>
                {
                    // A cancellation processed after the slot was granted but before the hop to the pool: the operation
                    // does not start (as in-process, where nothing lies between), and its caller is told "cancelled".
                    if (token.IsCancellationRequested)
                    {
                        return Task.FromCanceled<TResult>(token);
                    }

                    // This task's flow runs inside the model: a call back into it from the operation is refused.
                    CallChain.Enter(chain);
                    return operation.ExecuteAsync(store.AsRef(), token).AsTask();
                },
                CancellationToken.None)),
            // A timed caller's deadline bounds the wait for a slot as in-process: past it, the operation never starts.
            RemoteDeadline.Take() ?? Timeout.InfiniteTimeSpan,
            cancellationToken).AsTask();
    }

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
    private void EnsureBuilt(IServiceProvider services, string key)
    {
        if (_queue is not null)
        {
            return;
        }

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
        _queue = new SemaphoreQueue(registration.MaxConcurrency);
    }
}
