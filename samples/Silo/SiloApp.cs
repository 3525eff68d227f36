using System.Net;
using AQueue.Samples.Demo;
using AQueue.Samples.Demo.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AQueue.Samples.Silo;

/// <summary>
/// The sample silo: Orleans on localhost (loopback only), the three model grains with the demo's counter actors kept
/// in an embedded SQLite file (so a counter survives a restart), and a demo run through <see cref="IModelProvider"/>
/// against it. Unless told <c>--no-dashboard</c>, it serves the Orleans Dashboard and AQueue's (and Orleans') metrics in
/// Prometheus format on <c>http://127.0.0.1:&lt;port&gt;/</c> and <c>/metrics</c>: loopback only, since the dashboard
/// has no authentication.
/// </summary>
public static class SiloApp
{
    /// <summary>The PCModel bound the demo's limiter uses.</summary>
    public const int LimiterConcurrency = 4;

    /// <summary>The grain storage name the persisted models use.</summary>
    public const string StorageName = "aqueue";

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
        string? whereToLook = arguments.DashboardPort is { } port
            ? $"Orleans Dashboard: http://127.0.0.1:{port}/ (the Grains page lists the model grains and their calls). " +
              $"AQueue and Orleans metrics, Prometheus format: http://127.0.0.1:{port}/metrics (aqueue_model_*)."
            : null;
        if (whereToLook is not null)
        {
            logger.LogInformation("{WhereToLook}", whereToLook);
        }

        int exitCode = 0;
        if (arguments.RunDemo)
        {
            var models = host.Services.GetRequiredService<IModelProvider>();
            var options = new DemoOptions { KeyPrefix = $"demo/{arguments.SiloPort}" };

            // The counter actor is persisted: a silo restarted on the same port and data file continues it.
            string counterKey = $"{options.KeyPrefix}/counter";
            long before = await models.GetActor<long>(counterKey).InnerCallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
            DemoReport report = await new DemoRunner(models, logger, options).RunAsync(cancellationToken).ConfigureAwait(false);
            long after = await models.GetActor<long>(counterKey).InnerCallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
            report.WriteTo(output);
            await output.WriteLineAsync(
                $"The persisted counter {counterKey} (in {arguments.DataPath}): {before:N0} before the demo, {after:N0} after.")
                .ConfigureAwait(false);
            exitCode = report.Passed ? 0 : 1;
            if (whereToLook is not null)
            {
                await output.WriteLineAsync($"See inside: {whereToLook}").ConfigureAwait(false);
            }
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
        if (arguments.DashboardPort is not { } port)
        {
            HostApplicationBuilder plain = Host.CreateApplicationBuilder();
            Configure(plain, arguments);
            return plain.Build();
        }

        WebApplicationBuilder web = WebApplication.CreateSlimBuilder();
        // Loopback only: the dashboard has no authentication (see docs/observability.md before exposing it).
        web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        Configure(web, arguments);
        web.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AQueueDiagnostics.MeterName)
            .AddMeter("Microsoft.Orleans")
            .AddPrometheusExporter());
        WebApplication app = web.Build();
        app.MapOrleansDashboard();
        app.MapPrometheusScrapingEndpoint();
        return app;
    }

    private static void Configure(IHostApplicationBuilder builder, SiloArguments arguments)
    {
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
            // Persisted models live in one SQLite file (WAL; NORMAL sync survives a process kill). Any other Orleans
            // grain storage (ADO.NET, Redis, ...) registered under this name works the same way.
            silo.AddSqliteGrainStorage(StorageName, o =>
            {
                o.DatabasePath = arguments.DataPath;
                o.Synchronous = "NORMAL";
            });
            silo.AddAQueue(models => models
                // The default mapping: a worker per silo, each with its own limit and its own service, named after its
                // silo so that two silos in one process (the tests) count their jobs apart.
                .AddPCModel(
                    (services, key) => new SimulatedService($"{key}@{services.GetRequiredService<ILocalSiloDetails>().SiloAddress}"),
                    maxConcurrency: LimiterConcurrency));
            silo.AddAQueuePersistence(persistence => persistence.Persist<long>(StorageName, keyPrefix: "demo/", kind: ModelKind.Actor));
            if (arguments.DashboardPort is not null)
            {
                // Count every grain call, not only while a dashboard page is open: the demo runs before anyone looks.
                silo.AddDashboard();
                silo.Services.Configure<GrainProfilerOptions>(o => o.TraceAlways = true);
            }
        });
    }
}
