namespace AQueue.Orleans.Internal;

/// <summary>
/// State that lives in the activation's memory only: it starts from the registry's initial value, and is lost
/// when Orleans collects an idle activation or a silo stops.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class MemoryModelState<T> : ModelState<T>
{
    private readonly ModelRegistry _registry;

    public MemoryModelState(ModelRegistry registry) => _registry = registry;

    public override ValueTask LoadAsync(string key, CancellationToken cancellationToken)
    {
        SetValue(_registry.CreateInitialValue<T>(key));
        return ValueTask.CompletedTask;
    }

    public override ValueTask SaveAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
