using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace AQueue.Orleans.Tests;

/// <summary>Silo and client hosts of their own on loopback, for tests about start-up and registration.</summary>
internal static class LocalHosts
{
    /// <summary>A silo host (not started) on free ports; <paramref name="primarySiloPort"/> joins a running silo.</summary>
    public static IHost Silo(Action<ISiloBuilder> configure, out int gatewayPort, int? primarySiloPort = null) =>
        Silo(configure, out _, out gatewayPort, primarySiloPort);

    /// <summary>A silo host (not started) on free ports, and its silo port.</summary>
    public static IHost Silo(Action<ISiloBuilder> configure, out int siloPort, out int gatewayPort, int? primarySiloPort = null)
    {
        int[] ports = FreePorts(2);
        (siloPort, gatewayPort) = (ports[0], ports[1]);
        int silo = siloPort, gateway = gatewayPort;
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.UseLocalhostClustering(
                silo, gateway, primarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null);
            configure(siloBuilder);
        });
        return builder.Build();
    }

    /// <summary>A client host (not started) of the silo whose gateway listens on <paramref name="gatewayPort"/>.</summary>
    public static IHost Client(int gatewayPort, Action<IClientBuilder> configure)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(gatewayPort);
            configure(client);
        });
        return builder.Build();
    }

    /// <summary>Ports that were free on loopback a moment ago.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
