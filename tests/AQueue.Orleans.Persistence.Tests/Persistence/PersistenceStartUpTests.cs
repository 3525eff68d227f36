using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Persistence that cannot work stops the silo when it starts, with a message that names what is missing.</summary>
public sealed class PersistenceStartUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_rule_naming_a_storage_no_provider_has_stops_the_silo_from_starting()
    {
        using IHost silo = BuildSilo(s => s
            .AddMemoryGrainStorage("memory")
            .AddAQueue()
            .AddAQueuePersistence(persistence => persistence
                .Persist<long>("memory", keyPrefix: "kept/")
                .Persist<long>("nowhere", keyPrefix: "missing/", kind: ModelKind.Actor)));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartThenStopAsync(silo));

        string failure = Assert.Single(refused.Failures);
        Assert.Contains("Persist<Int64>(\"nowhere\", keyPrefix: \"missing/\", kind: ModelKind.Actor)", failure, StringComparison.Ordinal);
        Assert.Contains("names grain storage 'nowhere', but no grain storage provider is registered under that name", failure, StringComparison.Ordinal);
        Assert.Contains("AddSqliteGrainStorage(\"nowhere\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistence_without_AddAQueue_stops_the_silo_from_starting()
    {
        using IHost silo = BuildSilo(s => s
            .AddMemoryGrainStorage("memory")
            .AddAQueuePersistence(persistence => persistence.Persist<long>("memory")));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartThenStopAsync(silo));

        Assert.Contains("AddAQueuePersistence(...) was called, but AddAQueue was not", Assert.Single(refused.Failures), StringComparison.Ordinal);
    }

    /// <summary>A silo host on free loopback ports, so that a silo that starts when it should not fails the test
    /// without disturbing anything else.</summary>
    private static IHost BuildSilo(Action<ISiloBuilder> configure)
    {
        var listeners = Enumerable.Range(0, 2).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => configure(silo.UseLocalhostClustering(ports[0], ports[1])));
        return builder.Build();
    }

    /// <summary>Starts the host and, if it started, stops it again.</summary>
    private static async Task StartThenStopAsync(IHost host)
    {
        await host.StartAsync().WaitAsync(Patience);
        await host.StopAsync().WaitAsync(Patience);
    }
}
