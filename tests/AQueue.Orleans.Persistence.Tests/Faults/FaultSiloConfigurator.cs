using Orleans.Hosting;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The fault tests' silos: persisted counters ("f/" keys) in one SQLite file, with the failover defaults of
/// <see cref="FailoverSiloConfigurator"/>.
/// </summary>
public sealed class FaultSiloConfigurator : FailoverSiloConfigurator
{
    public const string Storage = "store";

    /// <summary>The cluster's SQLite file (a temp file, set by <see cref="FaultClusterFixture"/> before it deploys).</summary>
    public static string DatabasePath { get; set; } = "";

    protected override void Register(ModelRegistry models) => models.AddInitialValue<long>(key => 0);

    protected override void ConfigureSilo(ISiloBuilder siloBuilder)
    {
        base.ConfigureSilo(siloBuilder);
        // NORMAL: in WAL mode a commit survives the death of the process (what these tests do to a silo), not a power
        // loss; FULL would sync every write to disk and leave little load to fail over.
        siloBuilder.AddSqliteGrainStorage(Storage, o =>
        {
            o.DatabasePath = DatabasePath;
            o.Synchronous = "NORMAL";
        });
        siloBuilder.AddAQueuePersistence(persistence => persistence.Persist<long>(Storage, keyPrefix: "f/"));
    }
}
