using Microsoft.Extensions.DependencyInjection;

namespace AQueue.Orleans.Internal;

/// <summary>The one <see cref="ModelRegistry"/> of a silo's or client's services, so that repeated <c>AddAQueue</c> calls compose.</summary>
internal static class RegistryServices
{
    /// <summary>The registry instance already in <paramref name="services"/>, or a new one added to them.</summary>
    /// <param name="services">The silo's or client's services.</param>
    /// <param name="added">True when the registry was added by this call (the first <c>AddAQueue</c>).</param>
    public static ModelRegistry GetOrAdd(IServiceCollection services, out bool added)
    {
        ModelRegistry? registry = services
            .Where(d => d.ServiceType == typeof(ModelRegistry) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<ModelRegistry>()
            .LastOrDefault();
        added = registry is null;
        if (registry is null)
        {
            registry = new ModelRegistry();
            services.AddSingleton(registry);
        }

        return registry;
    }
}
