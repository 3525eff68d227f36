using AQueue.Orleans.Internal;

namespace AQueue.Orleans.Proxies;

/// <summary>An <see cref="IPCModel{T}"/> whose value and slots live in an <see cref="IPCModelGrain{T}"/>.</summary>
/// <typeparam name="T">The shared value's type.</typeparam>
internal sealed class PCModelProxy<T> : IPCModel<T>
{
    private readonly IPCModelGrain<T> _grain;
    private readonly Lazy<int> _maxConcurrency;

    public PCModelProxy(IPCModelGrain<T> grain, Func<int> maxConcurrency)
    {
        _grain = grain;
        _maxConcurrency = new Lazy<int>(maxConcurrency);
    }

    public ModelKind Kind => ModelKind.PCModel;

    /// <summary>The bound registered for <typeparamref name="T"/>: from the local registry, or asked of the grain once.</summary>
    public int MaxConcurrency => _maxConcurrency.Value;

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (_grain, operation), Site(operation), cancellationToken);
    }

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (_grain, operation), Site(operation), timeout, cancellationToken);
    }

    private static Func<(IPCModelGrain<T> Grain, IReadOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Call<TResult>() =>
        static (s, token) => s.Grain.CallAsync(s.Operation, token);

    private static CallSite Site<TResult>(IReadOperation<T, TResult> operation) =>
        new(typeof(T), operation.GetType(), typeof(IReadOperation<T, TResult>));
}
