using AQueue;
using AQueue.Orleans;
using AQueue.Orleans.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;

namespace Orleans.Hosting;

/// <summary>Registers the Orleans backend of AQueue on a silo.</summary>
public static class AQueueSiloBuilderExtensions
{
    /// <summary>
    /// Hosts AQueue's grains on this silo and registers <see cref="IModelProvider"/> (an
    /// <see cref="OrleansModelProvider"/>) and the <see cref="ModelRegistry"/> the grains read: initial values of actors
    /// and reader-writer models, and the factories, bounds and mappings of PCModels, all used on the silo.
    /// </summary>
    /// <remarks>
    /// <para>A PCModel registered <see cref="PCModelMapping.PerSilo"/> (the default) runs on a stateless worker per
    /// silo, bounded per silo; one registered <see cref="PCModelMapping.PerCluster"/> on one activation for the cluster.
    /// A reader-writer model runs on the write-preferring grain unless its type is registered with
    /// <c>models.AddRwModel&lt;T&gt;(RwModelMapping.ReadOnlyInterleaving)</c> (Orleans' <c>[ReadOnly]</c> reads, no write
    /// preference). Register the same PCModels and mappings on every silo.</para>
    /// <para>The registrations are options (<see cref="AQueueOptions"/>): each call adds to them, and they are read and
    /// validated when the host starts. Registering a PCModel type twice with different bounds or mappings, or a
    /// reader-writer type with two mappings, makes <c>StartAsync</c> fail with an <c>OptionsValidationException</c> that
    /// names the type and both registrations.</para>
    /// <para>The provider refuses calls made before the silo has started, with an
    /// <see cref="InvalidOperationException"/> that says so (nothing is sent or kept). It lets them through once the
    /// silo's runtime has started: start-up tasks (<c>AddStartupTask</c>, or a silo lifecycle participant at
    /// <c>ServiceLifecycleStage.ApplicationServices</c> or later), grain code, and code after <c>StartAsync</c> reach
    /// the models.</para>
    /// </remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Registers initial values, mappings and PCModel factories, as with
    /// <c>AddAQueueLocal</c>; optional. Calling <c>AddAQueue</c> again adds to the same registrations. It runs when the
    /// options are first read (at start-up), not during this call.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <example>
    /// <code>
    /// // Before: services.AddAQueueLocal(models =&gt; models.AddInitialValue&lt;long&gt;(key =&gt; 100));
    /// builder.UseOrleans(silo =&gt; silo
    ///     .UseLocalhostClustering()
    ///     .AddAQueue(models =&gt; models.AddInitialValue&lt;long&gt;(key =&gt; 100)));
    /// </code>
    /// </example>
    public static ISiloBuilder AddAQueue(this ISiloBuilder builder, Action<ModelRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        if (AQueueServices.AddModels(services, configure))
        {
            WireSettings.ApplyToSilo(services);
            services.AddSingleton(StartGate.ForSilo());
            AQueueServices.AddRegistry(services);
            // AddAQueuePersistence (before or after this) replaces it.
            services.TryAddSingleton<IModelStateFactory, MemoryModelStateFactory>();
            services.TryAddSingleton<IModelProvider>(sp => new OrleansModelProvider(sp.GetRequiredService<IGrainFactory>(), sp));
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStartParticipant>();
        }

        return builder;
    }
}
