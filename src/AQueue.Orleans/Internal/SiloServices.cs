using Microsoft.Extensions.DependencyInjection;

namespace AQueue.Orleans.Internal;

/// <summary>Gets AQueue's silo services, failing with what to do when the silo was set up without them.</summary>
internal static class SiloServices
{
    public static TService GetRequired<TService>(IServiceProvider services)
        where TService : class =>
        services.GetService<TService>() ?? throw new InvalidOperationException(
            $"AQueue is not registered on this silo (missing {typeof(TService).Name}). " +
            "Call siloBuilder.AddAQueue(models => ...) where the silo is configured.");
}
