using System.Net;
using AQueue.Samples.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AQueue.Samples.Silo;

/// <summary>
/// The sample silo: Orleans on localhost (loopback only), in-memory grain storage, the three model grains,
/// and a demo run through <see cref="IModelProvider"/> against it.
/// </summary>
public static class SiloApp
{
    /// <summary>The PCModel bound the demo's limiter uses.</summary>
    public const int LimiterConcurrency = 4;

    /// <summary>Runs the silo as the command line says.</summary>
    /// <returns>The process exit code: 0 on success, 1 when a demo check failed, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        SiloArguments? arguments = SiloArguments.TryParse(args, out string? problem);
        if (arguments is null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(SiloArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        if (arguments.ShowHelp)
        {
            await output.WriteLineAsync(SiloArguments.Usage).ConfigureAwait(false);
            return 0;
        }

        using IHost host = Build(arguments);
        ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AQueue.Samples.Silo");
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Silo up on 127.0.0.1: silo port {SiloPort}, gateway port {GatewayPort}{Primary}",
            arguments.SiloPort, arguments.GatewayPort, arguments.Primary is null ? " (first silo)" : $", joined {arguments.Primary}");

        int exitCode = 0;
        if (arguments.RunDemo)
        {
            var runner = new DemoRunner(host.Services.GetRequiredService<IModelProvider>(), logger,
                new DemoOptions { KeyPrefix = $"demo/{arguments.SiloPort}" });
            DemoReport report = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            report.WriteTo(output);
            exitCode = report.Passed ? 0 : 1;
        }

        if (!arguments.DemoOnly)
        {
            await output.WriteLineAsync("Serving. Press Ctrl+C to stop.").ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        logger.LogInformation("Silo stopped cleanly.");
        return exitCode;
    }

    private static IHost Build(SiloArguments arguments)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // Orleans is chatty at Information; keep the demo readable.
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(arguments.SiloPort, arguments.GatewayPort, arguments.Primary);
            // Loopback only: nothing outside this machine can reach the silo.
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, arguments.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, arguments.GatewayPort);
            });
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddAQueue(models => models
                .AddPCModel((services, key) => new SimulatedService(key), maxConcurrency: LimiterConcurrency));
        });
        return builder.Build();
    }
}
