namespace AQueue;

/// <summary>
/// A shared operation over a model's state: it reads through a <see cref="RefInner{T}"/> and may run beside
/// other reads. Implement it as a small serializable type (on Orleans, a <c>[GenerateSerializer]</c> record)
/// and the same object runs in-process or on a cluster.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
/// <typeparam name="TResult">The result the caller receives.</typeparam>
/// <example>
/// <code>
/// [GenerateSerializer]
/// public sealed record GetCount : IReadOperation&lt;long, long&gt;
/// {
///     public ValueTask&lt;long&gt; ExecuteAsync(RefInner&lt;long&gt; state, CancellationToken cancellationToken)
///         =&gt; new(state.Value);
/// }
/// </code>
/// </example>
public interface IReadOperation<TState, TResult>
{
    /// <summary>Runs the operation while the model grants shared access.</summary>
    /// <param name="state">The read-only view of the state, valid until the returned task completes.</param>
    /// <param name="cancellationToken">Cancelled when the caller cancels or the call's deadline passes.</param>
    /// <returns>The result for the caller.</returns>
    ValueTask<TResult> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken);
}
