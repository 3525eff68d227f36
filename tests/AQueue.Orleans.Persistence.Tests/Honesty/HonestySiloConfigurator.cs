using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The silos of the honesty tests and the storm: every model kind and mapping (actors and write-preferring reader-writer
/// models of long, persisted in SQLite under "f/" keys; reader-writer models of <see cref="InterleavedTally"/> on Orleans'
/// <c>[ReadOnly]</c> mapping; the storm's <see cref="Ledger"/> actors and reader-writer models, and its
/// <see cref="InterleavedLedger"/> reader-writer models on the <c>[ReadOnly]</c> mapping, all persisted; PCModels per silo
/// and per cluster), the SQLite storage behind a <see cref="FaultyGrainStorage"/>, with the failover defaults of
/// <see cref="FailoverSiloConfigurator"/>.
/// </summary>
public sealed class HonestySiloConfigurator : FailoverSiloConfigurator
{
    /// <summary>The grain storage the persisted models use: <see cref="FaultyGrainStorage"/> over the SQLite file.</summary>
    public const string Storage = "store";

    /// <summary>The SQLite storage itself.</summary>
    public const string SqliteStorage = "store-sqlite";

    /// <summary>The configuration key (a TestCluster property) of the cluster's SQLite file.</summary>
    public const string DatabasePathKey = "HonestyDatabasePath";

    /// <summary>Permits of each PCModel: few, so calls queue.</summary>
    public const int PcBound = 2;

    protected override void Register(ModelRegistry models) => models
        .AddInitialValue<long>(key => 0)
        .AddInitialValue<Ledger>(key => new Ledger())
        .AddInitialValue<InterleavedLedger>(key => new InterleavedLedger())
        .AddRwModel<InterleavedTally>(RwModelMapping.ReadOnlyInterleaving)
        .AddRwModel<InterleavedLedger>(RwModelMapping.ReadOnlyInterleaving)
        .AddPCModel((_, key) => new SiloSlots(key), PcBound)
        .AddPCModel((_, key) => new ClusterSlots(key), PcBound, PCModelMapping.PerCluster);

    protected override void ConfigureSilo(ISiloBuilder siloBuilder)
    {
        base.ConfigureSilo(siloBuilder);
        string databasePath = siloBuilder.Configuration[DatabasePathKey]
            ?? throw new InvalidOperationException($"The TestCluster property {DatabasePathKey} is not set.");
        // SQLite behind the decorator that can fail writes of chosen keys (the storm's storage outages).
        siloBuilder.AddSqliteGrainStorage(SqliteStorage, o =>
        {
            o.DatabasePath = databasePath;
            o.Synchronous = "NORMAL";
        });
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
            Storage, (sp, _) => new FaultyGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(SqliteStorage)));
        siloBuilder.AddAQueuePersistence(persistence => persistence
            .Persist<long>(Storage, keyPrefix: "f/")
            .Persist<Ledger>(Storage)
            .Persist<InterleavedLedger>(Storage));
    }
}
