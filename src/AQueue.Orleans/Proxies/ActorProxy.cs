using AQueue.Local.Internal.Telemetry;
using AQueue.Orleans.Internal;

namespace AQueue.Orleans.Proxies;

/// <summary>An <see cref="IActor{T}"/> whose value lives in an <see cref="IActorGrain{T}"/>.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class ActorProxy<T> : IActor<T>
{
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
        return RemoteCall.RunAsync(Call<TResult>(), (_grain, operation), Site(operation), cancellationToken);
    }

    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        RemoteCall.Validate(operation, typeof(IWriteOperation<T, TResult>));
        return RemoteCall.RunAsync(Call<TResult>(), (_grain, operation), Site(operation), timeout, cancellationToken);
    }

    private static Func<(IActorGrain<T> Grain, IWriteOperation<T, TResult> Operation), CancellationToken, Task<TResult>> Call<TResult>() =>
        static (s, token) => token.CanBeCanceled ? s.Grain.InnerCallAsync(s.Operation, token) : s.Grain.InnerCallAsync(s.Operation);

    private CallSite Site<TResult>(IWriteOperation<T, TResult> operation) =>
        new(ModelKind.Actor, _key, typeof(T), operation.GetType(), typeof(IWriteOperation<T, TResult>), _telemetry, _diagnostics);
}
