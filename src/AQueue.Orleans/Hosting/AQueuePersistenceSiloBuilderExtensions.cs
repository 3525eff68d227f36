using AQueue;
using AQueue.Orleans;
using AQueue.Orleans.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Orleans.Hosting;

/// <summary>Keeps chosen AQueue actors and reader-writer models in Orleans grain storage.</summary>
public static class AQueuePersistenceSiloBuilderExtensions
{
    /// <summary>
    /// Persists the actors and reader-writer models that <paramref name="configure"/>'s rules match in the named Orleans
    /// grain storage providers (any <c>IGrainStorage</c>: the embedded SQLite one, ADO.NET, Redis, Azure, memory);
    /// the others stay in memory. Call on every silo, alongside <c>AddAQueue(...)</c> (in either order); calling it
    /// again adds rules (they are options, <see cref="AQueuePersistenceOptions"/>, read in call order).
    /// </summary>
    /// <remarks>
    /// <para>A persisted model's activation loads its value from storage when it starts (the registry's initial value
    /// when there is no record yet) and stores it after every write that returned normally, inside the write's
    /// exclusive section and before the caller is answered: an acknowledged write survives the silo's death. Reads never
    /// write. A write whose operation throws is rolled back by reloading the stored value; a write that cannot be
    /// stored fails with <see cref="ModelStorageException"/> and the value is reloaded too (or, if that fails, the
    /// activation deactivates). A record that cannot be read fails activation with <see cref="ModelStorageException"/>,
    /// never with a reset value.</para>
    /// <para>Validated when the silo starts: a rule naming a grain storage provider that is not registered on the silo,
    /// or persistence without <c>AddAQueue</c>, makes <c>StartAsync</c> fail with an <c>OptionsValidationException</c>
    /// that names the rule and the storage name.</para>
    /// <para>The storage key is the grain (its type names the model's kind and value type, plus the key) and the state
    /// name <c>"aqueue"</c>; the record is a <see cref="ModelRecord{T}"/>. Renaming the value type or moving it to
    /// another namespace therefore starts a new record.</para>
    /// </remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Adds rules: <c>persistence.Persist&lt;T&gt;(storageName, keyPrefix, kind)</c>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// builder.UseOrleans(silo =&gt; silo
    ///     .UseLocalhostClustering()
    ///     .AddSqliteGrainStorage("aqueue", o =&gt; o.DatabasePath = "cluster.db")
    ///     .AddAQueue(models =&gt; models.AddInitialValue&lt;long&gt;(key =&gt; 0))
    ///     .AddAQueuePersistence(persistence =&gt; persistence.Persist&lt;long&gt;("aqueue", keyPrefix: "counter/")));
    /// </code>
    /// </example>
    public static ISiloBuilder AddAQueuePersistence(this ISiloBuilder builder, Action<AQueuePersistenceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        IServiceCollection services = builder.Services;
        services.AddOptions<AQueuePersistenceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AQueuePersistenceOptions>, AQueuePersistenceOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton<IModelStateFactory>(sp => new PersistentModelStateFactory(
            SiloServices.GetRequired<ModelRegistry>(sp),
            sp.GetRequiredService<IOptions<AQueuePersistenceOptions>>().Value,
            sp.GetRequiredService<IPersistentStateFactory>(),
            sp.GetRequiredService<ILoggerFactory>())));
        return builder;
    }
}
