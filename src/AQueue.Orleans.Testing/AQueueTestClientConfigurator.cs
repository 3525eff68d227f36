using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Testing;

/// <summary>
/// The client of a test cluster (<c>TestCluster.Client</c>): AQueue's <see cref="IModelProvider"/> and a short
/// response timeout. Used as it is by <c>testClusterBuilder.AddAQueue&lt;TSilo&gt;()</c>; derive from it to configure
/// more, and add the derived class with <c>AddAQueue&lt;TSilo, TClient&gt;()</c>.
/// </summary>
/// <remarks>The client is given no registry: it learns the silos' PCModel registrations from its gateway when it
/// starts. To give it the silos' registry as well, call <c>clientBuilder.AddAQueue(models =&gt; ...)</c> in
/// <see cref="ConfigureClient"/>; the registrations add up.</remarks>
/// <example>
/// <code>
/// public sealed class FastFailoverClient : AQueueTestClientConfigurator
/// {
///     protected override void ConfigureClient(IConfiguration configuration, IClientBuilder clientBuilder) =&gt;
///         clientBuilder.Configure&lt;GatewayOptions&gt;(o =&gt; o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
/// }
/// </code>
/// </example>
public class AQueueTestClientConfigurator : IClientBuilderConfigurator
{
    /// <summary>How long the client waits for a grain call's response: 15 s (Orleans' default is 30 s). Override to
    /// change it.</summary>
    protected virtual TimeSpan ResponseTimeout => TestDefaults.ResponseTimeout;

    /// <summary>Applies the test defaults, calls <see cref="ConfigureClient"/>, then adds AQueue's provider. Called by
    /// TestCluster when it builds its client.</summary>
    /// <param name="configuration">The test cluster's configuration.</param>
    /// <param name="clientBuilder">The client's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clientBuilder"/> is null.</exception>
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        ArgumentNullException.ThrowIfNull(clientBuilder);
        // As on the silos: the defaults first, so that options the hook sets win.
        TimeSpan responseTimeout = ResponseTimeout;
        clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        ConfigureClient(configuration, clientBuilder);
        clientBuilder.AddAQueue();
    }

    /// <summary>Configures whatever else the client needs. Runs after the defaults, so options set here win, and before
    /// <c>AddAQueue()</c>.</summary>
    /// <param name="configuration">The test cluster's configuration (its <c>TestClusterBuilder.Properties</c> among it).</param>
    /// <param name="clientBuilder">The client's builder.</param>
    protected virtual void ConfigureClient(IConfiguration configuration, IClientBuilder clientBuilder)
    {
    }
}
