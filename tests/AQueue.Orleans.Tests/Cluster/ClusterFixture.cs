using AQueue.Conformance;
using AQueue.Orleans.Testing;
using Orleans.TestingHost;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// One two-silo TestCluster for every Orleans test, deployed once. The silos run in the test's process, so the
/// conformance probes (static) see the operations that run on them.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The provider of the external client (TestCluster's client).</summary>
    public IModelProvider ClientModels { get; private set; } = null!;

    /// <summary>One provider per silo, from that silo's own services: calls made through it start on that silo.</summary>
    public IReadOnlyList<IModelProvider> SiloModels { get; private set; } = [];

    /// <summary>Each silo's services, in <see cref="SiloModels"/>' order.</summary>
    public IReadOnlyList<IServiceProvider> SiloServices { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Operations name the silo they run on; outside a grain there is no silo to name.
        Probe.CurrentNode = static () => SiloNameFilter.Current ?? OutsideGrain;

        _cluster = new TestClusterBuilder(2).AddAQueue<SiloConfigurator>().Build();
        await _cluster.DeployAsync();

        ClientModels = _cluster.GetClientModelProvider();
        SiloServices = [.. _cluster.Silos.Select(s => s.GetServices())];
        SiloModels = [.. _cluster.Silos.Select(s => s.GetModelProvider())];
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>What <see cref="Probe.CurrentNode"/> says for code that runs outside any grain.</summary>
    public const string OutsideGrain = "outside-grain";
}
