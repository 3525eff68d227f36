using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The persistence tests' silo: memory grain storage behind a <see cref="FaultyGrainStorage"/> named "faulty", and rules
/// that persist the keys starting with "p/" (counters) and every list; reader-writer models of lists use the
/// <see cref="RwModelMapping.ReadOnlyInterleaving"/> grain, counters the default one.
/// </summary>
public sealed class PersistenceSiloConfigurator : ISiloConfigurator
{
    public const string Storage = "faulty";

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage("memory");
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
            Storage, (sp, _) => new FaultyGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>("memory")));

        // Persistence first, AddAQueue second: the order must not matter.
        siloBuilder.AddAQueuePersistence(persistence => persistence
            .Persist<long>(Storage, keyPrefix: "p/")
            .Persist<List<string>>(Storage));
        siloBuilder.AddAQueue(models => models
            .AddInitialValue<long>(key => key.Contains("/hundred/", StringComparison.Ordinal) ? 100 : 0)
            .AddInitialValue<List<string>>(key => ["initial"])
            .AddRwModel<List<string>>(RwModelMapping.ReadOnlyInterleaving));
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
    }
}
