using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// What both reader-writer grains do on activation: check that the silo maps <typeparamref name="T"/> to this grain,
/// then create and load the value's <see cref="ModelState{T}"/> (in memory, or in grain storage with
/// <c>AddAQueuePersistence</c>). The grains differ only in how they order reads and writes.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class RwModelCore<T>
{
    private readonly RwModelMapping _mapping;
    private ModelState<T>? _state;
    private string? _refusal;

    /// <param name="mapping">The mapping of the grain that holds this core; a silo registration that says otherwise
    /// is refused.</param>
    public RwModelCore(RwModelMapping mapping) => _mapping = mapping;

    /// <summary>The loaded value.</summary>
    /// <exception cref="InvalidOperationException">The silo maps <typeparamref name="T"/> to the other grain.</exception>
    public ModelState<T> State => _refusal is null ? _state! : throw new InvalidOperationException(_refusal);

    /// <summary>Checks the mapping, then loads the value; a mismatch loads nothing, and every call is refused.</summary>
    public async Task ActivateAsync(IServiceProvider services, IGrainContext grainContext, string key, CancellationToken cancellationToken)
    {
        // Grain code stays on the activation's scheduler: no ConfigureAwait(false) here.
        RwModelMapping registered = SiloServices.GetRequired<ModelRegistry>(services).GetRwModelMapping<T>();
        if (registered != _mapping)
        {
            _refusal =
                $"Reader-writer models of {typeof(T)} are registered {registered} on this silo, but this call reached the " +
                $"{_mapping} grain: the caller's registry says {_mapping}. Register the same mapping on every silo and on " +
                $"every client given a registry, e.g. models.AddRwModel<{typeof(T).Name}>(RwModelMapping.{registered}), or " +
                "give the client no registry: it then asks a silo.";
            return;
        }

        ModelState<T> state = SiloServices.GetRequired<IModelStateFactory>(services).Create<T>(ModelKind.RwModel, grainContext);
        await state.LoadAsync(key, cancellationToken);
        _state = state;
    }

    /// <summary>The silo's mapping of <typeparamref name="T"/>, for a caller that has no registry.</summary>
    public static Task<RwModelSiloSettings> DescribeAsync(IServiceProvider services) =>
        Task.FromResult(new RwModelSiloSettings(SiloServices.GetRequired<ModelRegistry>(services).GetRwModelMapping<T>()));
}
