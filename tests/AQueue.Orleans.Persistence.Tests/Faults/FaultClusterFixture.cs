using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A two-silo TestCluster the fault tests may kill silos of (so it is theirs alone).</summary>
public sealed class FaultClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IModelProvider Models { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<FaultSiloConfigurator>();
        builder.AddClientBuilderConfigurator<FaultClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Models = _cluster.Client.ServiceProvider.GetRequiredService<IModelProvider>();
    }

    /// <summary>The provider of code running on silo <paramref name="index"/>: models it activates tend to live there.</summary>
    public IModelProvider SiloModels(int index) =>
        ((InProcessSiloHandle)Cluster.Silos[index]).SiloHost.Services.GetRequiredService<IModelProvider>();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }
}
