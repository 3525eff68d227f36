namespace AQueue.Orleans.Internal;

/// <summary>
/// The value of one actor or reader-writer model activation, and the seam where persistence plugs in.
/// </summary>
/// <remarks>
/// A grain loads its state once, on activation, and calls <see cref="SaveAsync"/> after every write that returned
/// normally, while it still holds the write (exclusive) section, before the caller is answered. The in-memory kind
/// (<see cref="MemoryModelState{T}"/>) starts from <see cref="ModelRegistry.CreateInitialValue{T}(string)"/> and saves
/// nothing. A persistent kind reads <c>IPersistentState</c> in <see cref="LoadAsync"/> (falling back to the registry
/// when no record exists) and writes it in <see cref="SaveAsync"/>, so an acknowledged write survives a silo's
/// death; <see cref="IModelStateFactory"/> chooses the kind per grain.
/// </remarks>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal abstract class ModelState<T>
{
    private InnerStore<T>? _store;

    /// <summary>The box the operations see; set by <see cref="LoadAsync"/>.</summary>
    public InnerStore<T> Store => _store ?? throw new InvalidOperationException("The model's state is used before it was loaded.");

    /// <summary>Loads or creates the value; called once, from the grain's activation.</summary>
    /// <param name="key">The model's key.</param>
    /// <param name="cancellationToken">Cancels the activation.</param>
    public abstract ValueTask LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Makes the value as changed by the last write durable; called inside the write section.</summary>
    /// <param name="cancellationToken">The write's token.</param>
    public abstract ValueTask SaveAsync(CancellationToken cancellationToken);

    /// <summary>Installs the loaded value.</summary>
    /// <param name="value">The value.</param>
    protected void SetValue(T value) => _store = new InnerStore<T>(value);
}
