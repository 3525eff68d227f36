using AQueue;
using AQueue.Local;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-process backend.</summary>
public static class AQueueLocalServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IModelProvider"/> as the in-process <see cref="LocalModelProvider"/> (a singleton),
    /// and the <see cref="ModelRegistry"/> it reads.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Registers initial values and PCModel factories; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <example>
    /// <code>
    /// services.AddAQueueLocal(models =&gt; models.AddPCModel((sp, key) =&gt; new HttpClient(), maxConcurrency: 4));
    /// var counter = provider.GetRequiredService&lt;IModelProvider&gt;().GetActor&lt;long&gt;("visits");
    /// </code>
    /// </example>
    public static IServiceCollection AddAQueueLocal(this IServiceCollection services, Action<ModelRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = new ModelRegistry();
        configure?.Invoke(registry);
        services.AddSingleton(registry);
        services.AddSingleton<IModelProvider>(sp => new LocalModelProvider(sp.GetRequiredService<ModelRegistry>(), sp));
        return services;
    }
}
