using Microsoft.Data.Sqlite;
using AQueue.Orleans.Testing;
using Orleans.TestingHost;
using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A three-silo TestCluster over one SQLite temp file, which the honesty tests and the storm stop and kill silos of.</summary>
public sealed class HonestyClusterFixture : IAsyncLifetime
{
    /// <summary>How many silos the cluster starts with (a test that stops some starts them back).</summary>
    public const int Silos = 3;

    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The external client's provider.</summary>
    public IModelProvider Models { get; private set; } = null!;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"aqueue-honesty-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(Silos).AddAQueue<HonestySiloConfigurator, FaultClientConfigurator>();
        builder.Properties[HonestySiloConfigurator.DatabasePathKey] = DatabasePath;
        _cluster = builder.Build();
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
