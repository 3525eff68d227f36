using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The one-silo TestCluster every Orleans benchmark runs on, its client in the benchmark's process.</summary>
internal static class BenchCluster
{
    public static TestCluster Start()
    {
        var builder = new TestClusterBuilder(1);

        // TestCluster writes ./logs by default; a benchmark leaves no files behind.
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<BenchSiloConfigurator>();
        builder.AddClientBuilderConfigurator<BenchClientConfigurator>();
        TestCluster cluster = builder.Build();
        cluster.Deploy();
        return cluster;
    }

    public static void Stop(TestCluster? cluster)
    {
        if (cluster is not null)
        {
            cluster.StopAllSilos();
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
