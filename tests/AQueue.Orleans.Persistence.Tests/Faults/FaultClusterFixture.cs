using Microsoft.Data.Sqlite;
using AQueue.Orleans.Testing;
using Orleans.TestingHost;
using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A two-silo TestCluster over one SQLite file (a temp file), which the fault tests may kill silos of.</summary>
public sealed class FaultClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IModelProvider Models { get; private set; } = null!;

    /// <summary>The SQLite file every silo of the cluster stores the persisted models in.</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"aqueue-faults-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        FaultSiloConfigurator.DatabasePath = DatabasePath;
        _cluster = new TestClusterBuilder(2).AddAQueue<FaultSiloConfigurator, FaultClientConfigurator>().Build();
        await _cluster.DeployAsync();
        Models = _cluster.GetClientModelProvider();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
