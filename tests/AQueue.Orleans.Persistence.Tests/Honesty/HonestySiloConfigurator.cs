using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The honesty test's silos: every model kind and mapping (actors and write-preferring reader-writer models of long,
/// persisted in SQLite under "f/" keys; reader-writer models of <see cref="InterleavedTally"/> on Orleans'
/// <c>[ReadOnly]</c> mapping; PCModels per silo and per cluster), short response timeouts and fast failure detection
/// as <see cref="FaultSiloConfigurator"/> has.
/// </summary>
public sealed class HonestySiloConfigurator : ISiloConfigurator
{
    public const string Storage = "store";

    /// <summary>The configuration key (a TestCluster property) of the cluster's SQLite file.</summary>
    public const string DatabasePathKey = "HonestyDatabasePath";

    /// <summary>Permits of each PCModel: few, so calls queue.</summary>
    public const int PcBound = 2;

    public void Configure(ISiloBuilder siloBuilder)
    {
        string databasePath = siloBuilder.Configuration[DatabasePathKey]
            ?? throw new InvalidOperationException($"The TestCluster property {DatabasePathKey} is not set.");
        siloBuilder.AddSqliteGrainStorage(Storage, o =>
        {
            o.DatabasePath = databasePath;
            o.Synchronous = "NORMAL";
        });
        siloBuilder
            .AddAQueue(models => models
                .AddInitialValue<long>(key => 0)
                .AddRwModel<InterleavedTally>(RwModelMapping.ReadOnlyInterleaving)
                .AddPCModel((_, key) => new SiloSlots(key), PcBound)
                .AddPCModel((_, key) => new ClusterSlots(key), PcBound, PCModelMapping.PerCluster))
            .AddAQueuePersistence(persistence => persistence.Persist<long>(Storage, keyPrefix: "f/"));
        siloBuilder.AddIncomingGrainCallFilter<CurrentSiloFilter>();
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = FaultSiloConfigurator.ResponseTimeout);
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }
}
