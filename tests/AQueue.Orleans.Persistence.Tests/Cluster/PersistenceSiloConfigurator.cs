using AQueue.Orleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The persistence tests' silo: memory grain storage behind a <see cref="FaultyGrainStorage"/> named "faulty", and rules
/// that persist the keys starting with "p/" (counters) and every list; reader-writer models of lists use the
/// <see cref="RwModelMapping.ReadOnlyInterleaving"/> grain, counters the default one.
/// </summary>
public sealed class PersistenceSiloConfigurator : AQueueTestSiloConfigurator
{
    public const string Storage = "faulty";

    /// <summary>The response timeout of the silo and of its client.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected override TimeSpan ResponseTimeout => Timeout;

    protected override void Register(ModelRegistry models) => models
        .AddInitialValue<long>(key => key.Contains("/hundred/", StringComparison.Ordinal) ? 100 : 0)
        .AddInitialValue<List<string>>(key => ["initial"])
        .AddRwModel<List<string>>(RwModelMapping.ReadOnlyInterleaving);

    // The kit calls AddAQueue after this hook, so persistence is configured first: the order must not matter.
    protected override void ConfigureSilo(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage("memory");
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
            Storage, (sp, _) => new FaultyGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>("memory")));
        siloBuilder.AddAQueuePersistence(persistence => persistence
            .Persist<long>(Storage, keyPrefix: "p/")
            .Persist<List<string>>(Storage));
    }
}
