namespace AQueue.Conformance;

/// <summary>A step of a re-entrancy chain: an operation that runs as a read or as a write.</summary>
/// <typeparam name="TState">The models' state type.</typeparam>
public interface IReentryStep<TState> : IWriteOperation<TState, string>, IReadOperation<TState, string>;
