using System.Collections.Concurrent;
using System.Reflection;

namespace AQueue.Orleans.Internal;

/// <summary>
/// The proxies' calls of the grains' typed methods (<c>CallAsync&lt;TOperation, TResult&gt;</c>): the operation's runtime
/// type is known only at run time, so for each operation type a delegate that calls the typed method with it is made once,
/// from the proxy's generic bridge method, and kept. A typed request carries the operation as a field of its own type,
/// not of the contract's: Orleans then writes no type beside it, and the silo resolves none (measured: about 75 ns a
/// call, docs/benchmarks.md).
/// </summary>
/// <typeparam name="TTarget">What the proxy calls (a grain reference, or the proxy's target).</typeparam>
/// <typeparam name="TContract">The operation contract, e.g. <see cref="IWriteOperation{T, TResult}"/>.</typeparam>
/// <typeparam name="TResult">The operation's result.</typeparam>
/// <remarks>One bridge per target and contract: the cache is keyed by the operation type alone.</remarks>
internal static class TypedCall<TTarget, TContract, TResult>
    where TContract : class
{
    private static readonly ConcurrentDictionary<Type, Func<TTarget, TContract, CancellationToken, Task<TResult>>> s_senders = new();

    /// <summary>The call for operations of <paramref name="operationType"/>.</summary>
    /// <param name="operationType">The operation's runtime type.</param>
    /// <param name="bridge">The proxy's open bridge method <c>Send&lt;TOperation, TResult&gt;(TTarget, TContract, CancellationToken)</c>.</param>
    public static Func<TTarget, TContract, CancellationToken, Task<TResult>> For(Type operationType, MethodInfo bridge) =>
        s_senders.TryGetValue(operationType, out Func<TTarget, TContract, CancellationToken, Task<TResult>>? sender)
            ? sender
            : s_senders.GetOrAdd(operationType, static (type, open) =>
                open.MakeGenericMethod(type, typeof(TResult)).CreateDelegate<Func<TTarget, TContract, CancellationToken, Task<TResult>>>(), bridge);
}
