using AQueue.Orleans.Internal;

namespace AQueue.Orleans.Proxies;

/// <summary>
/// An <see cref="IPCModel{T}"/> whose value and slots live in a PCModel grain: the per-silo worker or the per-cluster
/// grain, as the registration's <see cref="PCModelMapping"/> says. Where no registry is at hand (an external client
/// given none) the proxy learns the mapping and bound from a silo on first use.
/// </summary>
/// <typeparam name="T">The shared value's type.</typeparam>
internal sealed class PCModelProxy<T> : IPCModel<T>
{
    private readonly Func<Task<PCModelTarget<T>>>? _lookup;
    private Task<PCModelTarget<T>>? _target;

    /// <summary>A proxy over a grain known from the local registry.</summary>
    public PCModelProxy(PCModelTarget<T> target) => _target = Task.FromResult(target);

    /// <summary>A proxy that asks <paramref name="lookup"/> for its grain on first use, and again after a failed lookup.</summary>
    public PCModelProxy(Func<Task<PCModelTarget<T>>> lookup) => _lookup = lookup;

    public ModelKind Kind => ModelKind.PCModel;

    /// <summary>The bound registered for <typeparamref name="T"/>: from the local registry, or asked of a silo once (blocking).</summary>
    public int MaxConcurrency => Target().GetAwaiter().GetResult().MaxConcurrency;

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (Target(), operation), Site(operation), cancellationToken);
    }

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (Target(), operation), Site(operation), timeout, cancellationToken);
    }

    private Task<PCModelTarget<T>> Target()
    {
        Task<PCModelTarget<T>>? target = _target;
        if (target is null || target.IsFaulted || target.IsCanceled)
        {
            // Racing first calls may both ask; the provider answers them from one cached lookup.
            target = _lookup!();
            _target = target;
        }

        return target;
    }

    private static Func<(Task<PCModelTarget<T>> Target, IReadOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Call<TResult>() =>
        static (s, token) => s.Target.IsCompletedSuccessfully
            ? s.Target.Result.Grain.CallAsync(s.Operation, token)
            : CallWhenKnownAsync(s.Target, s.Operation, token);

    private static async Task<TResult> CallWhenKnownAsync<TResult>(Task<PCModelTarget<T>> target, IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
    {
        PCModelTarget<T> known = await target.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await known.Grain.CallAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    private static CallSite Site<TResult>(IReadOperation<T, TResult> operation) =>
        new(typeof(T), operation.GetType(), typeof(IReadOperation<T, TResult>));
}
