using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AQueue.Orleans.Testing;

/// <summary>Reaches the models of a deployed <see cref="TestCluster"/>: from its client, or from inside one silo.</summary>
public static class AQueueTestClusterExtensions
{
    /// <summary>The <see cref="IModelProvider"/> of the cluster's client (<c>TestCluster.Client</c>): calls made
    /// through it go through a gateway, as an external client's do.</summary>
    /// <param name="cluster">A deployed test cluster whose client has AQueue (<c>AddAQueue&lt;TSilo&gt;()</c>).</param>
    /// <returns>The client's provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cluster"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The cluster is not deployed, or its client has no AQueue.</exception>
    public static IModelProvider GetClientModelProvider(this TestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Client.ServiceProvider.GetRequiredService<IModelProvider>();
    }

    /// <summary>The <see cref="IModelProvider"/> of code running on <paramref name="silo"/> (grain code and silo
    /// services see this one): a model it activates tends to live on that silo, which is how a test puts models on a
    /// silo it then stops or kills.</summary>
    /// <param name="silo">An in-process silo of the cluster (<c>cluster.Primary</c>, <c>cluster.Silos[i]</c>).</param>
    /// <returns>The silo's provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="silo"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The silo runs in another process, or has no AQueue.</exception>
    /// <example>
    /// <code>
    /// IActor&lt;long&gt; counter = cluster.Primary.GetModelProvider().GetActor&lt;long&gt;("visits");
    /// </code>
    /// </example>
    public static IModelProvider GetModelProvider(this SiloHandle silo) =>
        silo.GetServices().GetRequiredService<IModelProvider>();

    /// <summary>The services of <paramref name="silo"/>'s host: its grain storage, options, loggers.</summary>
    /// <param name="silo">An in-process silo of the cluster.</param>
    /// <returns>The silo host's service provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="silo"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The silo runs in another process.</exception>
    public static IServiceProvider GetServices(this SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo is InProcessSiloHandle inProcess
            ? inProcess.SiloHost.Services
            : throw new InvalidOperationException(
                $"The silo {silo.Name} ({silo.GetType().Name}) runs in another process, so its services cannot be reached " +
                "from the test. TestCluster hosts silos in the test's process unless a custom silo handle factory is set.");
    }
}
