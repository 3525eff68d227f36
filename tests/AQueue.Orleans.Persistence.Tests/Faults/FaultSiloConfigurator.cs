using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The fault tests' silos: persisted counters ("f/" keys) in storage that outlives a silo, short response timeouts and
/// fast failure detection so a killed silo is declared dead within seconds.
/// </summary>
public sealed class FaultSiloConfigurator : ISiloConfigurator
{
    public const string Storage = "store";

    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(Storage, (sp, _) => new SharedGrainStorage(sp.GetRequiredService<Serializer>()));
        siloBuilder
            .AddAQueue(models => models.AddInitialValue<long>(key => 0))
            .AddAQueuePersistence(persistence => persistence.Persist<long>(Storage, keyPrefix: "f/"));
        siloBuilder.AddIncomingGrainCallFilter<CurrentSiloFilter>();
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }
}
