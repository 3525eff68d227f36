using AQueue.Orleans.Internal;

namespace AQueue.Orleans;

/// <summary>
/// Which actors and reader-writer models keep their value in Orleans grain storage, and in which storage provider.
/// Configured by <c>siloBuilder.AddAQueuePersistence(persistence =&gt; ...)</c> (each call is a
/// <c>services.Configure&lt;AQueuePersistenceOptions&gt;(...)</c>, run in call order); models no rule matches live in
/// memory. Validated when the silo starts: a rule naming a grain storage provider the silo does not have, or
/// persistence without <c>AddAQueue</c>, stops the silo from starting with an <c>OptionsValidationException</c> that
/// names it.
/// </summary>
/// <remarks>
/// <para>Rules are checked in the order they were added; the first that matches a model's state type, kind and key
/// chooses its storage. A persisted model loads its value when its activation starts (the registry's initial value when
/// no record exists yet, without writing it) and stores it after every write that returned normally, before the caller
/// is answered. Reads never write.</para>
/// <para>A write whose operation throws is not kept: the activation reloads the value from storage, so memory never
/// holds a change that storage lacks (in memory-only models, changes made before the throw stay).</para>
/// <para>PCModels are never persisted: their value is built on the silo by the registered factory.</para>
/// <para>Every silo of a cluster must be configured alike: whichever silo activates a model decides where it lives.</para>
/// </remarks>
public sealed class AQueuePersistenceOptions
{
    private readonly List<PersistenceRule> _rules = [];

    /// <summary>
    /// Persists actors and reader-writer models of value type <typeparamref name="T"/> (optionally only those whose key
    /// starts with <paramref name="keyPrefix"/>, optionally only one kind) in the grain storage named
    /// <paramref name="storageName"/>.
    /// </summary>
    /// <typeparam name="T">The models' value type (exactly; no base types or interfaces).</typeparam>
    /// <param name="storageName">The name the storage provider was registered under on the silo, e.g.
    /// <c>siloBuilder.AddSqliteGrainStorage("aqueue", ...)</c>, <c>AddMemoryGrainStorage("aqueue")</c>, or an ADO.NET,
    /// Redis or Azure provider's name.</param>
    /// <param name="keyPrefix">Only keys that start with this (ordinal comparison); null for every key.</param>
    /// <param name="kind"><see cref="ModelKind.Actor"/> or <see cref="ModelKind.RwModel"/>; null for both.</param>
    /// <returns>This object, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="storageName"/> is null or blank, or <paramref name="kind"/>
    /// is <see cref="ModelKind.PCModel"/>.</exception>
    /// <example>
    /// <code>
    /// siloBuilder
    ///     .AddSqliteGrainStorage("aqueue", o =&gt; o.DatabasePath = "cluster.db")
    ///     .AddAQueue(models =&gt; models.AddInitialValue&lt;long&gt;(key =&gt; 0))
    ///     .AddAQueuePersistence(persistence =&gt; persistence
    ///         .Persist&lt;long&gt;("aqueue", keyPrefix: "counter/")
    ///         .Persist&lt;Cart&gt;("aqueue", kind: ModelKind.RwModel));
    /// </code>
    /// </example>
    public AQueuePersistenceOptions Persist<T>(string storageName, string? keyPrefix = null, ModelKind? kind = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);
        if (kind is ModelKind.PCModel)
        {
            throw new ArgumentException(
                "A PCModel is not persisted: its value is built on the silo by the registered factory. Persist actors or reader-writer models.",
                nameof(kind));
        }

        if (kind is { } k && !Enum.IsDefined(k))
        {
            throw new ArgumentException($"Unknown model kind {k}.", nameof(kind));
        }

        _rules.Add(new PersistenceRule(typeof(T), storageName, keyPrefix, kind));
        return this;
    }

    /// <summary>The rules, in the order they were added.</summary>
    internal IReadOnlyList<PersistenceRule> Rules => _rules;

    /// <summary>The storage of the first rule that matches, or null for a model kept in memory.</summary>
    internal string? FindStorage(Type stateType, ModelKind kind, string key)
    {
        foreach (PersistenceRule rule in _rules)
        {
            if (rule.Matches(stateType, kind, key))
            {
                return rule.StorageName;
            }
        }

        return null;
    }
}
