using Orleans.TestingHost;

namespace AQueue.Orleans.Testing;

/// <summary>Puts AQueue on a <see cref="TestClusterBuilder"/>'s silos and client.</summary>
public static class AQueueTestClusterBuilderExtensions
{
    /// <summary>
    /// Configures every silo with <typeparamref name="TSilo"/> and the client with the default
    /// <see cref="AQueueTestClientConfigurator"/>, and turns off TestCluster's log files (one per silo and run, which
    /// pile up in the test's output folder).
    /// </summary>
    /// <typeparam name="TSilo">The silos' configurator: your registry and anything else the silos need.</typeparam>
    /// <param name="builder">The test cluster's builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <example>
    /// <code>
    /// TestCluster cluster = new TestClusterBuilder(2).AddAQueue&lt;CounterSilo&gt;().Build();
    /// await cluster.DeployAsync();
    /// IModelProvider models = cluster.GetClientModelProvider();
    /// </code>
    /// </example>
    public static TestClusterBuilder AddAQueue<TSilo>(this TestClusterBuilder builder)
        where TSilo : AQueueTestSiloConfigurator, new() =>
        builder.AddAQueue<TSilo, AQueueTestClientConfigurator>();

    /// <summary>
    /// Configures every silo with <typeparamref name="TSilo"/> and the client with <typeparamref name="TClient"/>, and
    /// turns off TestCluster's log files.
    /// </summary>
    /// <typeparam name="TSilo">The silos' configurator.</typeparam>
    /// <typeparam name="TClient">The client's configurator.</typeparam>
    /// <param name="builder">The test cluster's builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static TestClusterBuilder AddAQueue<TSilo, TClient>(this TestClusterBuilder builder)
        where TSilo : AQueueTestSiloConfigurator, new()
        where TClient : AQueueTestClientConfigurator, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<TSilo>();
        builder.AddClientBuilderConfigurator<TClient>();
        return builder;
    }
}
