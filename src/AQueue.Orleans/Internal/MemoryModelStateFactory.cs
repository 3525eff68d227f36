using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>Keeps every model's value in its activation's memory.</summary>
internal sealed class MemoryModelStateFactory : IModelStateFactory
{
    private readonly ModelRegistry _registry;

    public MemoryModelStateFactory(ModelRegistry registry) => _registry = registry;

    public ModelState<T> Create<T>(ModelKind kind, IGrainContext grainContext) => new MemoryModelState<T>(_registry);
}
