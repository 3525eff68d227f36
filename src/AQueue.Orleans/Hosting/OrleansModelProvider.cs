using System.Collections.Concurrent;
using AQueue.Local.Internal.Telemetry;
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
    private readonly StartGate? _started;
    private readonly SiloPCModels? _siloPCModels;
    private readonly OrleansDiagnostics? _diagnostics;
    private readonly ConcurrentDictionary<Type, Task<PCModelSiloSettings>> _pcSiloSettings = new();
    private readonly ConcurrentDictionary<Type, Task<RwModelSiloSettings>> _rwSiloSettings = new();

    /// <summary>Creates a provider over <paramref name="grainFactory"/>.</summary>
    /// <param name="grainFactory">The client's or silo's grain factory.</param>
    /// <param name="services">The client's or silo's services; a <see cref="ModelRegistry"/> among them lets
    /// <see cref="GetPCModel{T}(string)"/> check the factory registration and read the mapping and bound, and
    /// <see cref="GetRwModel{T}(string)"/> read the mapping, without a call. Where <c>AddAQueue</c> was called on them,
    /// the provider refuses calls until the silo or client has started.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OrleansModelProvider(IGrainFactory grainFactory, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(services);
        _grainFactory = grainFactory;
        _registry = services.GetService<ModelRegistry>();
        _started = services.GetService<StartGate>();
        _siloPCModels = services.GetService<SiloPCModels>();
        _diagnostics = services.GetService<OrleansDiagnostics>();
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Orleans' type filter does not allow <typeparamref name="T"/>.</exception>
    /// <exception cref="InvalidOperationException">The silo or client has not started yet.</exception>
    public IActor<T> GetActor<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _started?.ThrowIfNotStarted();
        return new ActorProxy<T>(key, Grain<IActorGrain<T>, T>(key), Telemetry<T>(ModelKind.Actor, OrleansDiagnostics.ActorMapping), _diagnostics);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Orleans' type filter does not allow <typeparamref name="T"/>.</exception>
    /// <exception cref="InvalidOperationException">The silo or client has not started yet.</exception>
    /// <remarks>Where a <see cref="ModelRegistry"/> is registered (always on a silo; on a client when
    /// <c>clientBuilder.AddAQueue(models =&gt; ...)</c> was given one), its <see cref="RwModelMapping"/> for
    /// <typeparamref name="T"/> picks the grain: <see cref="IRwModelGrain{T}"/> for
    /// <see cref="RwModelMapping.WritePreferring"/> (also when nothing is registered), <see cref="IRwModelReadOnlyGrain{T}"/>
    /// for <see cref="RwModelMapping.ReadOnlyInterleaving"/>. Otherwise the model asks a silo for the mapping on its
    /// first use (once per type). A caller whose mapping disagrees with the silo's fails with an
    /// <see cref="InvalidOperationException"/> that says so.</remarks>
    public IRwModel<T> GetRwModel<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _started?.ThrowIfNotStarted();
        if (_registry is not null)
        {
            RwModelMapping registered = _registry.GetRwModelMapping<T>();
            return new RwModelProxy<T>(key, new GrainLookup<RwModelTarget<T>>(RwModelTarget<T>(key, registered)),
                Telemetry<T>(ModelKind.RwModel, OrleansDiagnostics.MappingName(registered)), _diagnostics);
        }

        // Fetched now, so that a state type Orleans does not allow fails here, as for the other models.
        IRwModelMappingGrain<T> mapping = Grain<IRwModelMappingGrain<T>, T>(0);
        return new RwModelProxy<T>(key, new GrainLookup<RwModelTarget<T>>(() => AskSiloAsync(key, mapping)), Telemetry<T>(ModelKind.RwModel, null), _diagnostics);
    }

    /// <inheritdoc />
    /// <remarks>Where a <see cref="ModelRegistry"/> is registered (always on a silo; on a client when
    /// <c>clientBuilder.AddAQueue(models =&gt; ...)</c> was given one), a missing factory registration throws here, and
    /// the registration's <see cref="PCModelMapping"/> picks the grain: <see cref="IPCModelWorkerGrain{T}"/> for
    /// <see cref="PCModelMapping.PerSilo"/>, <see cref="IPCModelGrain{T}"/> for <see cref="PCModelMapping.PerCluster"/>.
    /// Otherwise (an external client given no registry) the mapping and bound are those the client's gateway silo
    /// reported when the client started; for a type it did not report, the model asks a silo on its first use (once
    /// per type; reading <see cref="IPCModel{T}.MaxConcurrency"/> first then blocks for the answer), and a missing
    /// registration fails that first call with the silo's <see cref="InvalidOperationException"/>. A caller whose
    /// mapping disagrees with the silo's fails with an <see cref="InvalidOperationException"/> that says so.</remarks>
    /// <exception cref="InvalidOperationException">The silo or client has not started yet; or, where a registry is
    /// registered, no PCModel of <typeparamref name="T"/> is registered in it.</exception>
    public IPCModel<T> GetPCModel<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _started?.ThrowIfNotStarted();
        if (_registry is not null)
        {
            PCModelRegistration<T> registration = _registry.GetPCModel<T>();
            return new PCModelProxy<T>(key, new GrainLookup<PCModelTarget<T>>(
                new PCModelTarget<T>(PCModelGrain<T>(key, registration.Mapping), registration.MaxConcurrency)),
                Telemetry<T>(ModelKind.PCModel, OrleansDiagnostics.MappingName(registration.Mapping)), _diagnostics);
        }

        if (_siloPCModels is not null && _siloPCModels.TryGet(typeof(T), out PCModelSiloSettings? reported))
        {
            return new PCModelProxy<T>(key, new GrainLookup<PCModelTarget<T>>(
                new PCModelTarget<T>(PCModelGrain<T>(key, reported.Mapping), reported.MaxConcurrency)),
                Telemetry<T>(ModelKind.PCModel, OrleansDiagnostics.MappingName(reported.Mapping)), _diagnostics);
        }

        // Fetched now, so that a state type Orleans does not allow fails here, as for the other models.
        IPCModelWorkerGrain<T> worker = Grain<IPCModelWorkerGrain<T>, T>(key);
        return new PCModelProxy<T>(key, new GrainLookup<PCModelTarget<T>>(() => AskSiloAsync(key, worker)), Telemetry<T>(ModelKind.PCModel, null), _diagnostics);
    }

    /// <summary>What the model reports on this host: client spans and re-entrancy refusals (the silo reports the calls).</summary>
    private ModelTelemetry? Telemetry<T>(ModelKind kind, string? mapping) => _diagnostics?.Model(kind, typeof(T), mapping);

    private IPCModelGrainBase<T> PCModelGrain<T>(string key, PCModelMapping mapping) =>
        mapping == PCModelMapping.PerCluster ? Grain<IPCModelGrain<T>, T>(key) : Grain<IPCModelWorkerGrain<T>, T>(key);

    /// <summary>
    /// Learns the mapping and bound of <typeparamref name="T"/> from the silo that the key's worker lands on (a stateless
    /// worker: the gateway's own silo, no directory lookup), once per type; a failed answer is asked again next time.
    /// </summary>
    private async Task<PCModelTarget<T>> AskSiloAsync<T>(string key, IPCModelWorkerGrain<T> worker)
    {
        PCModelSiloSettings settings = await AskOnce(_pcSiloSettings, typeof(T), static w => w.DescribeAsync(), worker).ConfigureAwait(false);
        return new PCModelTarget<T>(PCModelGrain<T>(key, settings.Mapping), settings.MaxConcurrency);
    }

    private RwModelTarget<T> RwModelTarget<T>(string key, RwModelMapping mapping) =>
        mapping == RwModelMapping.ReadOnlyInterleaving
            ? new RwModelTarget<T>(Grain<IRwModelReadOnlyGrain<T>, T>(key))
            : new RwModelTarget<T>(Grain<IRwModelGrain<T>, T>(key));

    /// <summary>
    /// Learns the reader-writer mapping of <typeparamref name="T"/> from a stateless worker on the client's gateway silo
    /// (no model is activated, no stored value loaded), once per type; a failed answer is asked again next time.
    /// </summary>
    private async Task<RwModelTarget<T>> AskSiloAsync<T>(string key, IRwModelMappingGrain<T> mapping)
    {
        RwModelSiloSettings settings = await AskOnce(_rwSiloSettings, typeof(T), static m => m.DescribeAsync(), mapping).ConfigureAwait(false);
        return RwModelTarget<T>(key, settings.Mapping);
    }

    /// <summary>One answer per type, shared by racing callers; a failed or cancelled answer is replaced by a new question.</summary>
    private static Task<TAnswer> AskOnce<TAnswer, TGrain>(
        ConcurrentDictionary<Type, Task<TAnswer>> answers, Type type, Func<TGrain, Task<TAnswer>> ask, TGrain grain)
    {
        Task<TAnswer> asked = answers.GetOrAdd(type, static (_, s) => s.Ask(s.Grain), (Ask: ask, Grain: grain));
        if (asked.IsFaulted || asked.IsCanceled)
        {
            answers.TryRemove(KeyValuePair.Create(type, asked));
            asked = answers.GetOrAdd(type, static (_, s) => s.Ask(s.Grain), (Ask: ask, Grain: grain));
        }

        return asked;
    }

    private TGrain Grain<TGrain, T>(string key)
        where TGrain : IGrainWithStringKey => Fetch<TGrain, T>(f => f.GetGrain<TGrain>(key));

    private TGrain Grain<TGrain, T>(long key)
        where TGrain : IGrainWithIntegerKey => Fetch<TGrain, T>(f => f.GetGrain<TGrain>(key));

    private TGrain Fetch<TGrain, T>(Func<IGrainFactory, TGrain> fetch)
    {
        try
        {
            return fetch(_grainFactory);
        }
        catch (InvalidOperationException exception) when (SerializationErrors.TryExplainStateType(exception, typeof(T), out Exception? explained))
        {
            throw explained;
        }
    }
}
