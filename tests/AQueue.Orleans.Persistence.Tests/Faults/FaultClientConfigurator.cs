using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The fault tests' client: AQueue's provider and the same short response timeout as the silos.</summary>
public sealed class FaultClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.AddAQueue();
        clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = FaultSiloConfigurator.ResponseTimeout);
        clientBuilder.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
    }
}
