namespace AQueue;

/// <summary>
/// The read-only view that a shared call (a read) receives. Several may be in use at once.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
/// <remarks>
/// The view forbids reassigning <see cref="Value"/>; it cannot stop a closure from mutating a mutable
/// reference type through it. Shared calls that mutate must use thread-safe members of the value.
/// Valid only for the duration of the call that handed it out.
/// </remarks>
public readonly struct RefInner<T>
{
    private readonly InnerStore<T> _store;

    /// <summary>Creates a read-only view of <paramref name="store"/>.</summary>
    /// <param name="store">The store to view.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    internal RefInner(InnerStore<T> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>A read-only reference to the guarded value.</summary>
    public ref readonly T Value => ref _store.Value;

}
