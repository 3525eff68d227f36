using System.Reflection;
using AQueue.Local.Internal.Telemetry;
using AQueue.Orleans.Internal;

namespace AQueue.Orleans.Proxies;

/// <summary>An <see cref="IActor{T}"/> whose value lives in an <see cref="IActorGrain{T}"/>.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class ActorProxy<T> : IActor<T>
{
    private static readonly MethodInfo s_sendTyped = typeof(ActorProxy<T>).GetMethod(nameof(SendTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IActorGrain<T> _grain;
    private readonly string _key;
    private readonly ModelTelemetry? _telemetry;
    private readonly OrleansDiagnostics? _diagnostics;

    public ActorProxy(string key, IActorGrain<T> grain, ModelTelemetry? telemetry, OrleansDiagnostics? diagnostics)
    {
        _key = key;
        _grain = grain;
        _telemetry = telemetry;
        _diagnostics = diagnostics;
    }

    public ModelKind Kind => ModelKind.Actor;

    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        Type type = operation.GetType();
        return RemoteCall.IsPlain(_telemetry, type)
            ? new ValueTask<TResult>(TypedCall<IActorGrain<T>, IWriteOperation<T, TResult>, TResult>.For(type, s_sendTyped)(_grain, operation, cancellationToken))
            : RemoteCall.RunAsync(Call<TResult>(), (_grain, operation), Site(operation), cancellationToken);
    }

    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (_grain, operation), Site(operation), timeout, cancellationToken);
    }

    private static Func<(IActorGrain<T> Grain, IWriteOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Call<TResult>() =>
        static (s, token) => Send(s.Grain, s.Operation, token);

    // A call without a token goes to the grain method without one: Orleans then registers no cancellation for it.
    private static Task<TResult> Send<TResult>(IActorGrain<T> grain, IWriteOperation<T, TResult> operation, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? grain.InnerCallAsync(operation, cancellationToken) : grain.InnerCallAsync(operation);

    // The typed call (TypedCall): used once an operation's type has crossed the wire.
    private static Task<TResult> SendTyped<TOperation, TResult>(IActorGrain<T> grain, IWriteOperation<T, TResult> operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<T, TResult> =>
        cancellationToken.CanBeCanceled
            ? grain.InnerCallAsync<TOperation, TResult>((TOperation)operation, cancellationToken)
            : grain.InnerCallAsync<TOperation, TResult>((TOperation)operation);

    private CallSite Site<TResult>(IWriteOperation<T, TResult> operation) =>
        new(ModelKind.Actor, _key, typeof(T), operation.GetType(), typeof(IWriteOperation<T, TResult>), _telemetry, _diagnostics);
}
