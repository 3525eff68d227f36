using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AQueue.Local.Internal.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace AQueue.Local;

/// <summary>
/// The in-process <see cref="IModelProvider"/>: one <see cref="Actor{T}"/>, <see cref="RwModel{T}"/> or
/// <see cref="PCModel{T}"/> per kind, type and key, made on first use from the <see cref="ModelRegistry"/>.
/// </summary>
/// <remarks>Its models report to the <see cref="AQueueDiagnostics.MeterName"/> meter of the services'
/// <see cref="IMeterFactory"/> (a host registers one), or to the process-wide meter where there is none.</remarks>
public sealed class LocalModelProvider : IModelProvider
{
    private readonly ConcurrentDictionary<(ModelKind Kind, Type Type, string Key), Lazy<object>> _models = new();
    private readonly ModelRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly AQueueInstruments _instruments;

    /// <summary>Creates a provider.</summary>
    /// <param name="registry">Where initial values and PCModel factories come from.</param>
    /// <param name="services">The services PCModel factories receive.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LocalModelProvider(ModelRegistry registry, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        _registry = registry;
        _services = services;
        _instruments = AQueueInstruments.For(services.GetService<IMeterFactory>());
    }

    /// <inheritdoc />
    public IActor<T> GetActor<T>(string key) =>
        (IActor<T>)GetOrCreate(ModelKind.Actor, typeof(T), key, static (self, k) => new Actor<T>(self._registry.CreateInitialValue<T>(k), self.Telemetry<T>(ModelKind.Actor)));

    /// <inheritdoc />
    public IRwModel<T> GetRwModel<T>(string key) =>
        (IRwModel<T>)GetOrCreate(ModelKind.RwModel, typeof(T), key, static (self, k) => new RwModel<T>(self._registry.CreateInitialValue<T>(k), self.Telemetry<T>(ModelKind.RwModel)));

    /// <inheritdoc />
    public IPCModel<T> GetPCModel<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Fail fast on a missing registration, before anything is cached.
        PCModelRegistration<T> registration = _registry.GetPCModel<T>();
        return (IPCModel<T>)GetOrCreate(ModelKind.PCModel, typeof(T), key,
            (self, k) => new PCModel<T>(registration.Factory(self._services, k), registration.MaxConcurrency, self.Telemetry<T>(ModelKind.PCModel)));
    }

    private ModelTelemetry Telemetry<T>(ModelKind kind) => _instruments.Model(kind, typeof(T), LocalBackend.Name);

    private object GetOrCreate(ModelKind kind, Type type, string key, Func<LocalModelProvider, string, object> create)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Lazy: two racing first calls for one key must not build two values.
        var id = (kind, type, key);
        Lazy<object> model = _models.GetOrAdd(id, static (id, state) =>
            new Lazy<object>(() => state.create(state.self, id.Key)), (self: this, create));
        try
        {
            return model.Value;
        }
        catch
        {
            // A Lazy keeps its factory's exception: drop it, so that a failed creation does not poison the key.
            _models.TryRemove(new KeyValuePair<(ModelKind, Type, string), Lazy<object>>(id, model));
            throw;
        }
    }
}
