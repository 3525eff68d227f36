using System.Collections.Concurrent;
using AQueue.Orleans.Internal;
using AQueue.Orleans.Proxies;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The Orleans <see cref="IModelProvider"/>: each model is a grain keyed by the model's key, reached through a proxy
/// that implements the contract. Works from an external client and from inside a silo (grain code or services).
/// Registered by <c>siloBuilder.AddAQueue()</c> and <c>clientBuilder.AddAQueue()</c>.
/// </summary>
/// <remarks>
/// <para>Same key and type, same grain: proxies are cheap and need not be cached. Operations must be
/// <c>[GenerateSerializer]</c> types; a delegate-based operation fails at the proxy with
/// <see cref="NotSupportedException"/> before anything is sent.</para>
/// <para>Orleans' response timeout (30 s by default) still bounds every call, including one given an infinite
/// timeout.</para>
/// </remarks>
public sealed class OrleansModelProvider : IModelProvider
{
    private readonly IGrainFactory _grainFactory;
    private readonly ModelRegistry? _registry;
    private readonly ConcurrentDictionary<Type, int> _remoteBounds = new();

    /// <summary>Creates a provider over <paramref name="grainFactory"/>.</summary>
    /// <param name="grainFactory">The client's or silo's grain factory.</param>
    /// <param name="services">The client's or silo's services; a <see cref="ModelRegistry"/> among them lets
    /// <see cref="GetPCModel{T}(string)"/> check the factory registration and read the bound without a call.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OrleansModelProvider(IGrainFactory grainFactory, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(services);
        _grainFactory = grainFactory;
        _registry = services.GetService<ModelRegistry>();
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Orleans' type filter does not allow <typeparamref name="T"/>.</exception>
    public IActor<T> GetActor<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ActorProxy<T>(Grain<IActorGrain<T>, T>(key));
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Orleans' type filter does not allow <typeparamref name="T"/>.</exception>
    public IRwModel<T> GetRwModel<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RwModelProxy<T>(Grain<IRwModelGrain<T>, T>(key));
    }

    /// <inheritdoc />
    /// <remarks>Where a <see cref="ModelRegistry"/> is registered (always on a silo; on a client when
    /// <c>clientBuilder.AddAQueue(models =&gt; ...)</c> was given one), a missing factory registration throws here and
    /// <see cref="IPCModel{T}.MaxConcurrency"/> is read from it. Otherwise the first call fails with the silo's
    /// <see cref="InvalidOperationException"/>, and the first read of <see cref="IPCModel{T}.MaxConcurrency"/> asks the
    /// grain (once per type, blocking).</remarks>
    public IPCModel<T> GetPCModel<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        PCModelRegistration<T>? registration = _registry?.GetPCModel<T>();
        IPCModelGrain<T> grain = Grain<IPCModelGrain<T>, T>(key);
        return new PCModelProxy<T>(grain, registration is not null
            ? () => registration.MaxConcurrency
            : () => _remoteBounds.GetOrAdd(typeof(T), static (_, g) => g.GetMaxConcurrencyAsync().GetAwaiter().GetResult(), grain));
    }

    private TGrain Grain<TGrain, T>(string key)
        where TGrain : IGrainWithStringKey
    {
        try
        {
            return _grainFactory.GetGrain<TGrain>(key);
        }
        catch (InvalidOperationException exception) when (SerializationErrors.TryExplainStateType(exception, typeof(T), out Exception? explained))
        {
            throw explained;
        }
    }
}
