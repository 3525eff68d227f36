using Orleans.Serialization;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The benchmark silo: AQueue's grains (with the PCModel row's factory) beside the hand-written grain.</summary>
public sealed class BenchSiloConfigurator : ISiloConfigurator
{
    /// <summary>The PCModel row's bound, as in the in-process <c>PermitBenchmarks</c>.</summary>
    public const int Permits = 2;

    /// <summary>The PCModel rows' registrations, on the silo and the client alike: one value type per mapping.</summary>
    /// <param name="models">The registry.</param>
    public static void Register(ModelRegistry models) => models
        .AddPCModel((services, key) => new SharedCounter(), Permits, PCModelMapping.PerSilo)
        .AddPCModel((services, key) => new ClusterSharedCounter(), Permits, PCModelMapping.PerCluster);

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddAQueue(Register);

        // BenchmarkDotNet runs each row from a generated entry assembly: name this one rather than rely on discovery.
        siloBuilder.Services.AddSerializer(s => s.AddAssembly(typeof(BenchSiloConfigurator).Assembly));
    }
}
