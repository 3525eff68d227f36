using Orleans.Serialization;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The benchmark silo: AQueue's grains (with the PCModel row's factory and the RwModel mappings) beside the hand-written grain.</summary>
public sealed class BenchSiloConfigurator : ISiloConfigurator
{
    /// <summary>The PCModel row's bound, as in the in-process <c>PermitBenchmarks</c>.</summary>
    public const int Permits = 2;

    /// <summary>The registrations the silo and the client share: the PCModel rows' factories, bounds and mappings (one
    /// value type per mapping), and the <see cref="RwModelMapping.ReadOnlyInterleaving"/> mapping of
    /// <see cref="ReadOnlyRwCounter"/>.</summary>
    /// <param name="models">The registry to fill.</param>
    public static void RegisterModels(ModelRegistry models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.AddPCModel((services, key) => new SharedCounter(), Permits, PCModelMapping.PerSilo);
        models.AddPCModel((services, key) => new ClusterSharedCounter(), Permits, PCModelMapping.PerCluster);
        models.AddInitialValue(key => new RwCounter());
        models.AddInitialValue(key => new ReadOnlyRwCounter());
        models.AddRwModel<ReadOnlyRwCounter>(RwModelMapping.ReadOnlyInterleaving);
    }

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddAQueue(RegisterModels);

        // BenchmarkDotNet runs each row from a generated entry assembly: name this one rather than rely on discovery.
        siloBuilder.Services.AddSerializer(s => s.AddAssembly(typeof(BenchSiloConfigurator).Assembly));
    }
}
