using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The fault tests' silos: persisted counters ("f/" keys) in one SQLite file, short response timeouts and
/// fast failure detection so a killed silo is declared dead within seconds.
/// </summary>
public sealed class FaultSiloConfigurator : ISiloConfigurator
{
    public const string Storage = "store";

    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The cluster's SQLite file (a temp file, set by <see cref="FaultClusterFixture"/> before it deploys).</summary>
    public static string DatabasePath { get; set; } = "";

    public void Configure(ISiloBuilder siloBuilder)
    {
        // NORMAL: in WAL mode a commit survives the death of the process (what these tests do to a silo), not a power
        // loss; FULL would sync every write to disk and leave little load to fail over.
        siloBuilder.AddSqliteGrainStorage(Storage, o =>
        {
            o.DatabasePath = DatabasePath;
            o.Synchronous = "NORMAL";
        });
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
