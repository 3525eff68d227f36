using AQueue.Orleans.Internal;

namespace AQueue.Orleans.Proxies;

/// <summary>An <see cref="IRwModel{T}"/> whose value lives in an <see cref="IRwModelGrain{T}"/>.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class RwModelProxy<T> : IRwModel<T>
{
    private readonly IRwModelGrain<T> _grain;

    public RwModelProxy(IRwModelGrain<T> grain) => _grain = grain;

    public ModelKind Kind => ModelKind.RwModel;

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Read<TResult>(), (_grain, operation), ReadSite(operation), cancellationToken);
    }

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Read<TResult>(), (_grain, operation), ReadSite(operation), timeout, cancellationToken);
    }

    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        return RemoteCall.RunAsync(Write<TResult>(), (_grain, operation), WriteSite(operation), cancellationToken);
    }

    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        return RemoteCall.RunAsync(Write<TResult>(), (_grain, operation), WriteSite(operation), timeout, cancellationToken);
    }

    private static Func<(IRwModelGrain<T> Grain, IReadOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Read<TResult>() =>
        static (s, token) => s.Grain.CallAsync(s.Operation, token);

    private static Func<(IRwModelGrain<T> Grain, IWriteOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Write<TResult>() =>
        static (s, token) => s.Grain.CallMutAsync(s.Operation, token);

    private static CallSite ReadSite<TResult>(IReadOperation<T, TResult> operation) =>
        new(typeof(T), operation.GetType(), typeof(IReadOperation<T, TResult>));

    private static CallSite WriteSite<TResult>(IWriteOperation<T, TResult> operation) =>
        new(typeof(T), operation.GetType(), typeof(IWriteOperation<T, TResult>));
}
