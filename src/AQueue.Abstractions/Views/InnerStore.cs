namespace AQueue;

/// <summary>
/// The box that holds a model's value. An actor's closure receives it with exclusive
/// access, so <see cref="Value"/> may be read and written in place, value types included.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
/// <remarks>
/// A store, and the views made from it, are valid only for the duration of the call that handed them
/// out. Keeping one past the end of its closure bypasses the model's queue.
/// </remarks>
/// <example>
/// <code>
/// var counter = new Actor&lt;long&gt;(0);
/// await counter.InnerCallAsync(s => { s.Value += 1; return ValueTask.CompletedTask; });
/// </code>
/// </example>
public sealed class InnerStore<T>
{
    private T _value;

    /// <summary>Creates a store around an initial value. Backends create stores; user code rarely needs to.</summary>
    /// <param name="value">The initial value.</param>
    public InnerStore(T value) => _value = value;

    /// <summary>A reference to the stored value: <c>s.Value += 1</c> updates it in place.</summary>
    public ref T Value => ref _value;

    /// <summary>A mutable view of this store, as a write operation receives it.</summary>
    public RefMutInner<T> AsMut() => new(this);

    /// <summary>A read-only view of this store, as a read operation receives it.</summary>
    public RefInner<T> AsRef() => new(this);
}
