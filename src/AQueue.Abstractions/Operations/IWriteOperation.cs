namespace AQueue;

/// <summary>
/// An exclusive operation over a model's state: it may change the value through a <see cref="RefMutInner{T}"/>,
/// and no other operation of the same model runs until it completes. Implement it as a small serializable type
/// (on Orleans, a <c>[GenerateSerializer]</c> record) and the same object runs in-process or on a cluster.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
/// <typeparam name="TResult">The result the caller receives.</typeparam>
/// <example>
/// <code>
/// [GenerateSerializer]
/// public sealed record Add([property: Id(0)] long Amount) : IWriteOperation&lt;long, long&gt;
/// {
///     public ValueTask&lt;long&gt; ExecuteAsync(RefMutInner&lt;long&gt; state, CancellationToken cancellationToken)
///         =&gt; new(state.Value += Amount);
/// }
/// </code>
/// </example>
public interface IWriteOperation<TState, TResult>
{
    /// <summary>Runs the operation while the model grants exclusive access.</summary>
    /// <param name="state">The mutable view of the state, valid until the returned task completes.</param>
    /// <param name="cancellationToken">Cancelled when the caller cancels or the call's deadline passes.</param>
    /// <returns>The result for the caller.</returns>
    ValueTask<TResult> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken);
}
