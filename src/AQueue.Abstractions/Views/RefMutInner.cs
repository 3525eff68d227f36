namespace AQueue;

/// <summary>
/// The mutable view that an exclusive call (a write) receives. Only one exists in use at a time for a model.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
/// <remarks>Valid only for the duration of the call that handed it out.</remarks>
public readonly struct RefMutInner<T>
{
    private readonly InnerStore<T> _store;

    /// <summary>Creates a mutable view of <paramref name="store"/>.</summary>
    /// <param name="store">The store to view.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    internal RefMutInner(InnerStore<T> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>A reference to the guarded value, writable in place.</summary>
    public ref T Value => ref _store.Value;

    /// <summary>The same value, seen read-only.</summary>
    public RefInner<T> AsRef() => new(_store);

}
