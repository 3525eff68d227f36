using Orleans.Serialization;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The benchmark client (TestCluster's): AQueue's provider, with the silo's registry so the PCModel proxy
/// reads its bound locally.</summary>
public sealed class BenchClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.AddAQueue(BenchSiloConfigurator.RegisterModels);
        clientBuilder.Services.AddSerializer(s => s.AddAssembly(typeof(BenchClientConfigurator).Assembly));
    }
}
