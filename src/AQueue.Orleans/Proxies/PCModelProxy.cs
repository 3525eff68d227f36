using System.Reflection;
using AQueue.Local.Internal.Telemetry;
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
    private static readonly MethodInfo s_sendTyped = typeof(PCModelProxy<T>).GetMethod(nameof(SendTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly GrainLookup<PCModelTarget<T>> _lookup;
    private readonly string _key;
    private readonly ModelTelemetry? _telemetry;
    private readonly OrleansDiagnostics? _diagnostics;

    public PCModelProxy(string key, GrainLookup<PCModelTarget<T>> lookup, ModelTelemetry? telemetry, OrleansDiagnostics? diagnostics)
    {
        _key = key;
        _lookup = lookup;
        _telemetry = telemetry;
        _diagnostics = diagnostics;
    }

    public ModelKind Kind => ModelKind.PCModel;

    /// <summary>The bound registered for <typeparamref name="T"/>: from the local registry or what the gateway silo reported when
    /// the client started, else what a silo answered for an earlier call. Never waits: a synchronous property that
    /// blocked on a call to a silo could deadlock its caller.</summary>
    /// <exception cref="InvalidOperationException">Not known yet; the silo is asked in the background.</exception>
    public int MaxConcurrency => _lookup.TryGetKnown(out PCModelTarget<T> target) ? target.MaxConcurrency : throw NotKnownYet();

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        Type type = operation.GetType();
        return _lookup.TryGetKnown(out PCModelTarget<T> target) && RemoteCall.IsPlain(_telemetry, type)
            ? new ValueTask<TResult>(TypedCall<IPCModelGrainBase<T>, IReadOperation<T, TResult>, TResult>.For(type, s_sendTyped)(target.Grain, operation, cancellationToken))
            : RemoteCall.RunAsync(Call<TResult>(), (_lookup.Target(), operation), Site(operation), cancellationToken);
    }

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (_lookup.Target(), operation), Site(operation), timeout, cancellationToken);
    }

    private InvalidOperationException NotKnownYet()
    {
        // Ask now, so that a read after the answer finds it; a failed answer is asked again by the next call or read.
        _ = _lookup.Target().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return new InvalidOperationException(
            $"The bound of PCModel<{typeof(T).Name}> '{_key}' is not known on this client yet: the client was given no registry, and its " +
            "gateway silo did not report this type when the client started. It is asked of a silo now, and known once it has answered " +
            "(after the first call to the model returns, for instance). Reading MaxConcurrency never waits for a silo. To know it at " +
            $"once, give the client the silos' registry: clientBuilder.AddAQueue(models => models.AddPCModel<{typeof(T).Name}>(...)).");
    }

    private static Func<(Task<PCModelTarget<T>> Target, IReadOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Call<TResult>() =>
        static (s, token) => GrainLookup<PCModelTarget<T>>.CallAsync(s.Target, s.Operation, static (t, o, c) => Send(t, o, c), token);

    // A call without a token goes to the grain method without one: Orleans then registers no cancellation for it.
    private static Task<TResult> Send<TResult>(PCModelTarget<T> target, IReadOperation<T, TResult> operation, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? target.Grain.CallAsync(operation, cancellationToken) : target.Grain.CallAsync(operation);

    // The typed call (TypedCall): used once an operation's type has crossed the wire.
    private static Task<TResult> SendTyped<TOperation, TResult>(IPCModelGrainBase<T> grain, IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
        where TOperation : IReadOperation<T, TResult> =>
        cancellationToken.CanBeCanceled
            ? grain.CallAsync<TOperation, TResult>((TOperation)operation, cancellationToken)
            : grain.CallAsync<TOperation, TResult>((TOperation)operation);

    private CallSite Site<TResult>(IReadOperation<T, TResult> operation) =>
        new(ModelKind.PCModel, _key, typeof(T), operation.GetType(), typeof(IReadOperation<T, TResult>), _telemetry, _diagnostics);
}
