using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;

namespace AQueue.Orleans.Internal;

/// <summary>What AQueue needs from Orleans' messaging and serializer on every silo and client it is added to.</summary>
internal static class WireSettings
{
    /// <summary>For a silo (its own calls, and those of the client co-hosted in it).</summary>
    public static void ApplyToSilo(IServiceCollection services)
    {
        services.Configure<SiloMessagingOptions>(o => o.WaitForCancellationAcknowledgement = true);
        ApplyToBoth(services);
    }

    /// <summary>For an external client.</summary>
    public static void ApplyToClient(IServiceCollection services)
    {
        services.Configure<ClientMessagingOptions>(o => o.WaitForCancellationAcknowledgement = true);
        ApplyToBoth(services);
    }

    private static void ApplyToBoth(IServiceCollection services)
    {
        // A cancelled caller is told so only once the silo has dropped its request or the operation has ended: without
        // this (Orleans' default), Orleans answers at once and a request queued on the silo may still start afterwards.
        // The exception an operation gets for calling back into its own model crosses the wire to the caller as itself;
        // Orleans' exception codec takes only the types its filter names (System.*, Microsoft.* by default).
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            Func<Type, bool> others = o.SupportedExceptionTypeFilter;
            o.SupportedExceptionTypeFilter = type => type == typeof(ModelReentrancyException) || others(type);
        });
    }
}
