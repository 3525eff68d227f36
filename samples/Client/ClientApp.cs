using System.Net;
using AQueue.Samples.Demo;
using AQueue.Samples.Demo.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AQueue.Samples.Client;

/// <summary>
/// An external Orleans client: connects to the sample silos' gateways on localhost, shows which silo hosts
/// each of a handful of actors, then runs the demo through <see cref="IModelProvider"/>; with several gateways it
/// then shows the PCModel bound holding per silo (<see cref="PerSiloLimiter"/>).
/// </summary>
public static class ClientApp
{
    private const string Usage = """
        Usage: dotnet run --project samples/Client -- [--gateway-port <port>]...

          --gateway-port <port>   a silo's gateway port on 127.0.0.1; repeat for several (default 30000)
          --actors <n>            how many actors to spread over the silos (default 8)
          --help                  show this text
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var gateways = new List<int>();
        int actors = 8;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--gateway-port" when i + 1 < args.Length && int.TryParse(args[i + 1], out int port) && port is > 0 and < 65536:
                    gateways.Add(port);
                    i++;
                    break;
                case "--actors" when i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 0:
                    actors = n;
                    i++;
                    break;
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 0;
                default:
                    await error.WriteLineAsync($"Bad argument '{args[i]}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (gateways.Count == 0)
        {
            gateways.Add(30000);
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateways.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray())
            .AddAQueue());
        using IHost host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AQueue.Samples.Client");
        var models = host.Services.GetRequiredService<IModelProvider>();

        // Where each actor lives: Orleans places each key on one silo of the cluster.
        var placements = new SortedDictionary<string, List<string>>();
        for (int i = 0; i < actors; i++)
        {
            string key = $"client/visits/{i}";
            string where = await models.GetActor<long>(key).InnerCallAsync(new WhereAmI(), cancellationToken).ConfigureAwait(false);
            if (!placements.TryGetValue(where, out List<string>? keys))
            {
                placements[where] = keys = [];
            }

            keys.Add(key);
        }

        await output.WriteLineAsync($"{actors} actors over {placements.Count} silo process(es):").ConfigureAwait(false);
        foreach (var (where, keys) in placements)
        {
            await output.WriteLineAsync($"  {where}: {string.Join(", ", keys)}").ConfigureAwait(false);
        }

        DemoReport report = await new DemoRunner(models, logger, new DemoOptions { KeyPrefix = "client-demo" })
            .RunAsync(cancellationToken).ConfigureAwait(false);
        report.WriteTo(output);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);

        bool perSiloPassed = true;
        if (gateways.Count > 1)
        {
            // With several silos, show that the default PCModel mapping bounds each silo, not the cluster.
            (perSiloPassed, IReadOnlyList<string> lines) = await PerSiloLimiter.RunAsync(gateways, jobsPerSilo: 24, jobMilliseconds: 50, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            foreach (string line in lines)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        return report.Passed && perSiloPassed ? 0 : 1;
    }
}
