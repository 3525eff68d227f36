using AQueue;
using AQueue.Orleans;
using AQueue.Orleans.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace Orleans.Hosting;

/// <summary>Registers the Orleans backend of AQueue on an external cluster client.</summary>
public static class AQueueClientBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IModelProvider"/> as an <see cref="OrleansModelProvider"/> over this client. Initial values
    /// and PCModel factories are used on the silos (<c>siloBuilder.AddAQueue(...)</c>), where the values live.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Optional: the same registrations as the silos'; calling <c>AddAQueue</c> again adds to the
    /// same registry. The client builds no value from them;
    /// it checks PCModel registrations before calling and reads each PCModel's <see cref="PCModelMapping"/> and
    /// <see cref="IPCModel{T}.MaxConcurrency"/>, and each reader-writer model's <see cref="RwModelMapping"/>, without
    /// asking a silo. Without it, a model asks a silo for them on its first use (once per type). A mapping that
    /// disagrees with the silos' fails each call with an <see cref="InvalidOperationException"/> that says so.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <example>
    /// <code>
    /// builder.UseOrleansClient(client =&gt; client.UseLocalhostClustering().AddAQueue());
    /// var visits = host.Services.GetRequiredService&lt;IModelProvider&gt;().GetActor&lt;long&gt;("visits");
    /// </code>
    /// </example>
    public static IClientBuilder AddAQueue(this IClientBuilder builder, Action<ModelRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        WireSettings.ApplyToClient(builder.Services);
        if (configure is not null)
        {
            // Repeated calls add to one registry, as on the silo.
            configure(RegistryServices.GetOrAdd(builder.Services, out _));
        }

        builder.Services.TryAddSingleton<IModelProvider>(sp => new OrleansModelProvider(sp.GetRequiredService<IGrainFactory>(), sp));
        builder.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(IActorGrain<>).Assembly));
        return builder;
    }
}
