using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AQueue.Orleans.Proxies;

/// <summary>
/// The grain a proxy calls: known from the local registry at once, or learnt from a silo on first use (a client given
/// no registry), and asked again after a failed lookup.
/// </summary>
/// <typeparam name="TTarget">What the proxy calls: the grain its mapping names, and what else the silo said.</typeparam>
internal sealed class GrainLookup<TTarget>
{
    private readonly Func<Task<TTarget>>? _lookup;
    private Task<TTarget>? _target;

    // The target once known, boxed so that it is published whole (a struct target could be read half-written).
    private StrongBox<TTarget>? _known;

    /// <summary>A target known from the local registry.</summary>
    public GrainLookup(TTarget target)
    {
        _target = Task.FromResult(target);
        _known = new StrongBox<TTarget>(target);
    }

    /// <summary>A target that <paramref name="lookup"/> finds on first use, and again after a failed lookup.</summary>
    public GrainLookup(Func<Task<TTarget>> lookup) => _lookup = lookup;

    /// <summary>The target, or the lookup that will find it.</summary>
    public Task<TTarget> Target()
    {
        Task<TTarget>? target = _target;
        if (target is null || target.IsFaulted || target.IsCanceled)
        {
            // Racing first calls may both ask; the provider answers them from one cached lookup.
            target = _lookup!();
            _target = target;
        }

        return target;
    }

    /// <summary>The target, when it is known: from the registry, or once a lookup has succeeded.</summary>
    public bool TryGetKnown([MaybeNullWhen(false)] out TTarget target)
    {
        if (_known is { } known)
        {
            target = known.Value!;
            return true;
        }

        if (_target is { IsCompletedSuccessfully: true } found)
        {
            target = found.Result;
            _known = new StrongBox<TTarget>(target);
            return true;
        }

        target = default;
        return false;
    }

    /// <summary>Calls <paramref name="call"/> on the target: at once when it is known, else once the lookup ends.</summary>
    public static Task<TResult> CallAsync<TOperation, TResult>(
        Task<TTarget> target, TOperation operation, Func<TTarget, TOperation, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken) =>
        target.IsCompletedSuccessfully
            ? call(target.Result, operation, cancellationToken)
            : CallWhenKnownAsync(target, operation, call, cancellationToken);

    private static async Task<TResult> CallWhenKnownAsync<TOperation, TResult>(
        Task<TTarget> target, TOperation operation, Func<TTarget, TOperation, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        TTarget known = await target.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await call(known, operation, cancellationToken).ConfigureAwait(false);
    }
}
