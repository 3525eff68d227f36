using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace AQueue.Orleans.Internal;

/// <summary>What <c>AddAQueue</c> registers on a silo and on a client alike.</summary>
internal static class AQueueServices
{
    /// <summary>
    /// Composes <paramref name="configure"/> into <see cref="AQueueOptions"/> (every call adds its registrations), and
    /// on the first call adds their validation at start-up and the grains' serializers.
    /// </summary>
    /// <returns>True on the first <c>AddAQueue</c> call of these services.</returns>
    public static bool AddModels(IServiceCollection services, Action<ModelRegistry>? configure)
    {
        OptionsBuilder<AQueueOptions> options = services.AddOptions<AQueueOptions>();
        if (configure is not null)
        {
            options.Configure(o => configure(o.Models));
        }

        // The validator's registration marks the first call.
        if (services.Any(static d => d.ServiceType == typeof(IValidateOptions<AQueueOptions>) && d.ImplementationType == typeof(AQueueOptionsValidator)))
        {
            return false;
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<AQueueOptions>, AQueueOptionsValidator>();
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(IActorGrain<>).Assembly));
        services.TryAddSingleton(static sp => new OrleansDiagnostics(sp));
        return true;
    }

    /// <summary>The <see cref="ModelRegistry"/> service: the one <see cref="AQueueOptions"/> holds.</summary>
    public static void AddRegistry(IServiceCollection services) =>
        services.TryAddSingleton(static sp => sp.GetRequiredService<IOptions<AQueueOptions>>().Value.Models);
}
