using System.Collections.Concurrent;

namespace AQueue;

/// <summary>
/// Says where each model's value comes from: the initial value of actors and reader-writer models, and the
/// factory and bound of PCModels; and which Orleans mapping serves reader-writer models and PCModels of a type. Both
/// backends read the same registry, so a registration is written once.
/// </summary>
/// <remarks>
/// Without a registration, an actor or reader-writer model of <c>T</c> starts from <c>new T()</c> when
/// <c>T</c> has a public parameterless constructor, or from <c>default(T)</c> when <c>T</c> is a value type.
/// A PCModel always needs a factory: its value is built where it runs, never shipped from the caller.
/// Registering a type again replaces its earlier registration. On Orleans, a PCModel registered again with another
/// bound or mapping, or a reader-writer model with another mapping, stops the silo or client from starting
/// (<c>AddAQueue</c> validates its registrations when the host starts).
/// </remarks>
/// <example>
/// <code>
/// services.AddAQueueLocal(models => models
///     .AddInitialValue&lt;long&gt;(key => 100)
///     .AddRwModel&lt;Catalog&gt;(RwModelMapping.ReadOnlyInterleaving)
///     .AddPCModel((sp, key) => new HttpClient(), maxConcurrency: 4));
/// </code>
/// </example>
public sealed class ModelRegistry
{
    private readonly ConcurrentDictionary<Type, Delegate> _initialValues = new();
    private readonly ConcurrentDictionary<Type, (object Registration, int MaxConcurrency, PCModelMapping Mapping)> _pcModels = new();
    private readonly ConcurrentDictionary<Type, RwModelMapping> _rwModels = new();
    private readonly ConcurrentQueue<string> _contradictions = new();

    /// <summary>Registers the initial value of every actor and reader-writer model of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="factory">Makes the initial value from the model's key.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public ModelRegistry AddInitialValue<T>(Func<string, T> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _initialValues[typeof(T)] = factory;
        return this;
    }

    /// <summary>Chooses the Orleans mapping of every reader-writer model of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="mapping">On Orleans: <see cref="RwModelMapping.WritePreferring"/> (the default, also without this
    /// line) or <see cref="RwModelMapping.ReadOnlyInterleaving"/> (Orleans' <c>[ReadOnly]</c> reads, without write
    /// preference). In-process both mean the same. Register the same mapping on every silo, and on a client given a
    /// registry.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mapping"/> is not a defined value.</exception>
    public ModelRegistry AddRwModel<T>(RwModelMapping mapping)
    {
        if (!Enum.IsDefined(mapping))
        {
            throw new ArgumentOutOfRangeException(nameof(mapping), mapping, "Use RwModelMapping.WritePreferring or RwModelMapping.ReadOnlyInterleaving.");
        }

        _rwModels.AddOrUpdate(
            typeof(T),
            static (_, state) => state.Mapping,
            static (type, registered, state) =>
            {
                if (registered != state.Mapping)
                {
                    state.Registry._contradictions.Enqueue(
                        $"reader-writer models of {type} are registered with two mappings: RwModelMapping.{registered}, then RwModelMapping.{state.Mapping}");
                }

                return state.Mapping;
            },
            (Registry: this, Mapping: mapping));
        return this;
    }

    /// <summary>Registers how PCModels of <typeparamref name="T"/> are built, how many calls each runs at once, and
    /// where that bound holds.</summary>
    /// <typeparam name="T">The guarded value's type; calls share it, so it must be thread-safe.</typeparam>
    /// <param name="factory">Builds the value from the services and the model's key.</param>
    /// <param name="maxConcurrency">The most calls that run at once; on Orleans too (register the same on the
    /// silos), on each silo or across the cluster as <paramref name="mapping"/> says.</param>
    /// <param name="mapping">On Orleans: <see cref="PCModelMapping.PerSilo"/> (the default, a stateless worker per
    /// silo) or <see cref="PCModelMapping.PerCluster"/> (one activation for the whole cluster). In-process there is
    /// one node, and both mean the same. Register the same mapping on every silo, and on a client given a registry.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is less than 1, or
    /// <paramref name="mapping"/> is not a defined value.</exception>
    public ModelRegistry AddPCModel<T>(Func<IServiceProvider, string, T> factory, int maxConcurrency, PCModelMapping mapping = PCModelMapping.PerSilo)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        if (!Enum.IsDefined(mapping))
        {
            throw new ArgumentOutOfRangeException(nameof(mapping), mapping, "Use PCModelMapping.PerSilo or PCModelMapping.PerCluster.");
        }

        (object, int MaxConcurrency, PCModelMapping Mapping) registration = (new PCModelRegistration<T>(factory, maxConcurrency, mapping), maxConcurrency, mapping);
        _pcModels.AddOrUpdate(
            typeof(T),
            static (_, state) => state.Registration,
            static (type, earlier, state) =>
            {
                if (earlier.MaxConcurrency != state.Registration.MaxConcurrency || earlier.Mapping != state.Registration.Mapping)
                {
                    state.Registry._contradictions.Enqueue(
                        $"PCModels of {type} are registered twice with different settings: maxConcurrency {earlier.MaxConcurrency}, " +
                        $"PCModelMapping.{earlier.Mapping}, then maxConcurrency {state.Registration.MaxConcurrency}, " +
                        $"PCModelMapping.{state.Registration.Mapping}");
                }

                return state.Registration;
            },
            (Registry: this, Registration: registration));
        return this;
    }

    /// <summary>Makes the initial value for the actor or reader-writer model named <paramref name="key"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="key">The model's key.</param>
    /// <returns>The registered factory's value, else <c>new T()</c>, else <c>default(T)</c> for a value type.</returns>
    /// <exception cref="InvalidOperationException">Nothing is registered and <typeparamref name="T"/> is a reference type
    /// without a public parameterless constructor.</exception>
    public T CreateInitialValue<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_initialValues.TryGetValue(typeof(T), out var factory))
        {
            return ((Func<string, T>)factory)(key);
        }

        if (typeof(T).IsValueType)
        {
            return default!;
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)string.Empty;
        }

        if (typeof(T).GetConstructor(Type.EmptyTypes) is { } ctor)
        {
            return (T)ctor.Invoke(null);
        }

        throw new InvalidOperationException(
            $"No initial value is registered for models of {typeof(T)}, and it has no public parameterless constructor. " +
            $"Register one: models.AddInitialValue<{typeof(T).Name}>(key => ...).");
    }

    /// <summary>
    /// Registrations that contradict an earlier one of the same type: a PCModel registered again with another bound or
    /// mapping, or a reader-writer model with another mapping (the later one wins, as for every registration). The
    /// Orleans backend refuses to start with any of these.
    /// </summary>
    internal IReadOnlyCollection<string> Contradictions => _contradictions;

    /// <summary>Every PCModel registration: its value type, bound and mapping.</summary>
    internal IEnumerable<(Type Type, int MaxConcurrency, PCModelMapping Mapping)> PCModels =>
        _pcModels.Select(static entry => (entry.Key, entry.Value.MaxConcurrency, entry.Value.Mapping));

    /// <summary>Gets the Orleans mapping of reader-writer models of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <returns>The mapping registered with <see cref="AddRwModel{T}(RwModelMapping)"/>, else
    /// <see cref="RwModelMapping.WritePreferring"/>.</returns>
    public RwModelMapping GetRwModelMapping<T>() =>
        _rwModels.TryGetValue(typeof(T), out RwModelMapping mapping) ? mapping : RwModelMapping.WritePreferring;

    /// <summary>Gets the PCModel registration for <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <returns>The factory and bound.</returns>
    /// <exception cref="InvalidOperationException">No PCModel is registered for <typeparamref name="T"/>.</exception>
    public PCModelRegistration<T> GetPCModel<T>()
    {
        if (_pcModels.TryGetValue(typeof(T), out var registration))
        {
            return (PCModelRegistration<T>)registration.Registration;
        }

        throw new InvalidOperationException(
            $"No PCModel is registered for {typeof(T)}. A PCModel's value is built where it runs, never sent by the caller: " +
            $"register a factory, e.g. models.AddPCModel<{typeof(T).Name}>((services, key) => ..., maxConcurrency: 4).");
    }
}
