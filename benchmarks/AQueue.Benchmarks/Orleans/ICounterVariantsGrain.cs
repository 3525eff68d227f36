namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// The hand-written counter, changed one step at a time towards the adapter's grain call
/// (<c>IActorGrain&lt;T&gt;.InnerCallAsync&lt;TResult&gt;(IWriteOperation&lt;T, TResult&gt;, CancellationToken)</c>), to
/// see which step costs what: <see cref="AdapterOverheadBenchmarks"/>.
/// </summary>
[Alias("aqueue.bench.ICounterVariantsGrain")]
public interface ICounterVariantsGrain : IGrainWithStringKey
{
    /// <summary>Step 1: a cancellation token beside the argument.</summary>
    [Alias("AddCancellable")]
    Task<long> AddCancellable(long amount, CancellationToken cancellationToken);

    /// <summary>Step 2: an operation object typed as its interface (serialized with its type), no token.</summary>
    [Alias("Apply")]
    Task<long> Apply(IWriteOperation<long, long> operation);

    /// <summary>Step 2a: the same operation object, declared as its own sealed type (no runtime type on the wire).</summary>
    [Alias("ApplySealed")]
    Task<long> ApplySealed(Add operation);

    /// <summary>Step 3b: as step 3, the operation's type a type argument of the method (so the parameter is declared as
    /// the operation's own type, and only the request's type travels on the wire).</summary>
    [Alias("ApplyTyped")]
    Task<TResult> ApplyTyped<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<long, TResult>;

    /// <summary>Step 3: the adapter's method shape (generic method, operation object, token) on a non-generic grain.</summary>
    [Alias("ApplyGeneric")]
    Task<TResult> ApplyGeneric<TResult>(IWriteOperation<long, TResult> operation, CancellationToken cancellationToken);
}
