using System.Reflection;
using AQueue.Local.Internal.Telemetry;
using AQueue.Orleans.Internal;

namespace AQueue.Orleans.Proxies;

/// <summary>
/// An <see cref="IRwModel{T}"/> whose value lives in a reader-writer grain: <see cref="IRwModelGrain{T}"/> or
/// <see cref="IRwModelReadOnlyGrain{T}"/>, as the registration's <see cref="RwModelMapping"/> says. Where no registry
/// is at hand (an external client given none) the proxy learns the mapping from a silo on first use.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class RwModelProxy<T> : IRwModel<T>
{
    private static readonly MethodInfo s_readTyped = typeof(RwModelTarget<T>).GetMethod(nameof(RwModelTarget<T>.ReadTyped))!;
    private static readonly MethodInfo s_writeTyped = typeof(RwModelTarget<T>).GetMethod(nameof(RwModelTarget<T>.WriteTyped))!;

    private readonly GrainLookup<RwModelTarget<T>> _lookup;
    private readonly string _key;
    private readonly ModelTelemetry? _telemetry;
    private readonly OrleansDiagnostics? _diagnostics;

    public RwModelProxy(string key, GrainLookup<RwModelTarget<T>> lookup, ModelTelemetry? telemetry, OrleansDiagnostics? diagnostics)
    {
        _key = key;
        _lookup = lookup;
        _telemetry = telemetry;
        _diagnostics = diagnostics;
    }

    public ModelKind Kind => ModelKind.RwModel;

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        Type type = operation.GetType();
        return _lookup.TryGetKnown(out RwModelTarget<T>? target) && RemoteCall.IsPlain(_telemetry, type)
            ? new ValueTask<TResult>(TypedCall<RwModelTarget<T>, IReadOperation<T, TResult>, TResult>.For(type, s_readTyped)(target, operation, cancellationToken))
            : RemoteCall.RunAsync(Read<TResult>(), (_lookup.Target(), operation), ReadSite(operation), cancellationToken);
    }

    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IReadOperation<T, TResult>));
        return RemoteCall.RunAsync(Read<TResult>(), (_lookup.Target(), operation), ReadSite(operation), timeout, cancellationToken);
    }

    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        Type type = operation.GetType();
        return _lookup.TryGetKnown(out RwModelTarget<T>? target) && RemoteCall.IsPlain(_telemetry, type)
            ? new ValueTask<TResult>(TypedCall<RwModelTarget<T>, IWriteOperation<T, TResult>, TResult>.For(type, s_writeTyped)(target, operation, cancellationToken))
            : RemoteCall.RunAsync(Write<TResult>(), (_lookup.Target(), operation), WriteSite(operation), cancellationToken);
    }

    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        return RemoteCall.RunAsync(Write<TResult>(), (_lookup.Target(), operation), WriteSite(operation), timeout, cancellationToken);
    }

    private static Func<(Task<RwModelTarget<T>> Target, IReadOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Read<TResult>() =>
        static (s, token) => GrainLookup<RwModelTarget<T>>.CallAsync(s.Target, s.Operation, static (t, o, c) => t.CallAsync(o, c), token);

    private static Func<(Task<RwModelTarget<T>> Target, IWriteOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Write<TResult>() =>
        static (s, token) => GrainLookup<RwModelTarget<T>>.CallAsync(s.Target, s.Operation, static (t, o, c) => t.CallMutAsync(o, c), token);

    private CallSite ReadSite<TResult>(IReadOperation<T, TResult> operation) =>
        new(ModelKind.RwModel, _key, typeof(T), operation.GetType(), typeof(IReadOperation<T, TResult>), _telemetry, _diagnostics);

    private CallSite WriteSite<TResult>(IWriteOperation<T, TResult> operation) =>
        new(ModelKind.RwModel, _key, typeof(T), operation.GetType(), typeof(IWriteOperation<T, TResult>), _telemetry, _diagnostics);
}
