using AQueue;
using AQueue.Orleans;
using AQueue.Orleans.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Hosting;

/// <summary>Registers the Orleans backend of AQueue on an external cluster client.</summary>
public static class AQueueClientBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IModelProvider"/> as an <see cref="OrleansModelProvider"/> over this client. Initial values
    /// and PCModel factories are used on the silos (<c>siloBuilder.AddAQueue(...)</c>), where the values live.
    /// </summary>
    /// <remarks>
    /// <para>The provider refuses calls made before the client has started (an <see cref="InvalidOperationException"/>
    /// that says so, with nothing sent or kept); once <c>StartAsync</c> has connected the client, the same calls
    /// work.</para>
    /// <para>A client given no registry learns the silos' PCModel registrations (mapping and bound of each type) from
    /// its gateway silo while it starts, so <see cref="IPCModel{T}.MaxConcurrency"/> of a type registered there is
    /// known without a call. Reader-writer mappings, and PCModel types the silo did not report, are asked of a silo on
    /// first use (once per type).</para>
    /// <para>The registrations are options (<see cref="AQueueOptions"/>), validated when the host starts: registering a
    /// PCModel type twice with different bounds or mappings, or a reader-writer type with two mappings, makes
    /// <c>StartAsync</c> fail with an <c>OptionsValidationException</c> that names them.</para>
    /// </remarks>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Optional: the same registrations as the silos'; calling <c>AddAQueue</c> again adds to the
    /// same registrations (which run when the options are first read, at start-up). The client builds no value from
    /// them; it checks PCModel registrations before calling and reads each PCModel's <see cref="PCModelMapping"/> and
    /// <see cref="IPCModel{T}.MaxConcurrency"/>, and each reader-writer model's <see cref="RwModelMapping"/>, without
    /// asking a silo. A mapping that disagrees with the silos' fails each call with an
    /// <see cref="InvalidOperationException"/> that says so.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <example>
    /// <code>
    /// builder.UseOrleansClient(client =&gt; client.UseLocalhostClustering().AddAQueue());
    /// using IHost host = builder.Build();
    /// await host.StartAsync();
    /// var visits = host.Services.GetRequiredService&lt;IModelProvider&gt;().GetActor&lt;long&gt;("visits");
    /// </code>
    /// </example>
    public static IClientBuilder AddAQueue(this IClientBuilder builder, Action<ModelRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        if (configure is not null)
        {
            // The client has a registry only when it was given registrations.
            AQueueServices.AddRegistry(services);
        }

        if (AQueueServices.AddModels(services, configure))
        {
            WireSettings.ApplyToClient(services);
            services.AddSingleton(StartGate.ForClient());
            services.TryAddSingleton<IModelProvider>(sp => new OrleansModelProvider(sp.GetRequiredService<IGrainFactory>(), sp));
            services.AddSingleton<SiloPCModels>();
            services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>, ClientStartParticipant>();
        }

        return builder;
    }
}
