using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Sqlite.Tests;

/// <summary>Starts a one-silo TestCluster whose grain storage is an SQLite file.</summary>
public static class SqliteCluster
{
    public const string StorageName = "sqlite";

    public static async Task<TestCluster> StartAsync(string databasePath)
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["SqlitePath"] = databasePath;
        builder.AddSiloBuilderConfigurator<Configurator>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            string path = siloBuilder.Configuration["SqlitePath"] ?? throw new InvalidOperationException("SqlitePath not set.");
            siloBuilder.AddSqliteGrainStorage(StorageName, o => o.DatabasePath = path);
        }
    }
}
