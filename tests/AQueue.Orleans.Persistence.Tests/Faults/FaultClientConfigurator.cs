using AQueue.Orleans.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The fault tests' client: the same short response timeout as the silos, and a gateway list refreshed every
/// second, so it stops sending to a dead silo soon.</summary>
public sealed class FaultClientConfigurator : AQueueTestClientConfigurator
{
    protected override TimeSpan ResponseTimeout => FailoverSiloConfigurator.FastResponseTimeout;

    protected override void ConfigureClient(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
}
