namespace AQueue.Benchmarks.Orleans;

/// <summary>Non-reentrant, a <see cref="long"/> in memory, as <see cref="CounterGrain"/>; see <see cref="ICounterVariantsGrain"/>.</summary>
public sealed class CounterVariantsGrain : Grain, ICounterVariantsGrain
{
    private readonly InnerStore<long> _store = new(0);

    public Task<long> AddCancellable(long amount, CancellationToken cancellationToken) =>
        Task.FromResult(_store.Value += amount);

    public Task<long> Apply(IWriteOperation<long, long> operation) =>
        operation.ExecuteAsync(_store.AsMut(), CancellationToken.None).AsTask();

    public Task<long> ApplySealed(Add operation) =>
        operation.ExecuteAsync(_store.AsMut(), CancellationToken.None).AsTask();

    public Task<TResult> ApplyTyped<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<long, TResult> =>
        operation.ExecuteAsync(_store.AsMut(), cancellationToken).AsTask();

    public Task<TResult> ApplyGeneric<TResult>(IWriteOperation<long, TResult> operation, CancellationToken cancellationToken) =>
        operation.ExecuteAsync(_store.AsMut(), cancellationToken).AsTask();
}
