using System.Net;
using AQueue.Samples.Demo;
using AQueue.Samples.Demo.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AQueue.Samples.Client;

/// <summary>
/// Shows that a PCModel's bound holds per silo (the default mapping): one client per gateway, each sending jobs of the
/// same key at once. A client's calls of a key run on its gateway's silo, so each silo runs up to the limit, and the
/// cluster up to the limit times the silos.
/// </summary>
public static class PerSiloLimiter
{
    /// <summary>Runs <paramref name="jobsPerSilo"/> jobs through each gateway at once and checks the bound on every silo.</summary>
    /// <returns>One line per gateway and one per check; <c>Passed</c> when every check held.</returns>
    public static async Task<(bool Passed, IReadOnlyList<string> Lines)> RunAsync(
        IReadOnlyList<int> gatewayPorts, int jobsPerSilo, int jobMilliseconds, CancellationToken cancellationToken)
    {
        var hosts = new List<IHost>();
        try
        {
            foreach (int port in gatewayPorts)
            {
                HostApplicationBuilder builder = Host.CreateApplicationBuilder();
                builder.Logging.ClearProviders();
                builder.UseOrleansClient(client => client
                    .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, port))
                    .AddAQueue());
                IHost host = builder.Build();
                hosts.Add(host);
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            const string key = "client-demo/limiter-per-silo";
            IPCModel<SimulatedService>[] limiters = [.. hosts.Select(h => h.Services.GetRequiredService<IModelProvider>().GetPCModel<SimulatedService>(key))];
            int limit = limiters[0].MaxConcurrency;

            // Every gateway's jobs at once: each silo's worker queues its own calls behind its own limit.
            Observation[][] seen = await Task.WhenAll(limiters.Select((limiter, gateway) => Task.WhenAll(Enumerable.Range(0, jobsPerSilo)
                .Select(job => limiter.CallAsync(new ProcessJob((gateway * jobsPerSilo) + job, jobMilliseconds), cancellationToken).AsTask()))))
                .ConfigureAwait(false);

            // Peaks are counted where the jobs ran (the service names its silo), not per gateway: two gateways whose
            // jobs met on one activation share one count.
            var lines = new List<string> { $"Per-silo bound: {jobsPerSilo} jobs of {jobMilliseconds} ms through each of {gatewayPorts.Count} gateways at once, limit {limit} per silo" };
            for (int gateway = 0; gateway < seen.Length; gateway++)
            {
                string where = string.Join(", ", seen[gateway].Select(o => o.Where).Distinct());
                lines.Add($"  gateway {gatewayPorts[gateway]}: ran on {where}");
            }

            Dictionary<string, int> peakBySilo = seen.SelectMany(s => s)
                .GroupBy(o => o.Where ?? "?")
                .ToDictionary(g => g.Key, g => g.Max(o => o.Concurrency));
            foreach ((string where, int peak) in peakBySilo)
            {
                lines.Add($"  {where}: peak {peak} of {limit}");
            }

            bool held = peakBySilo.Values.All(peak => peak <= limit);
            int together = peakBySilo.Values.Sum();
            bool spread = peakBySilo.Count == gatewayPorts.Count && together > limit;
            lines.Add($"{(held ? "[ok]" : "[FAILED]")} no silo ran more than its limit");
            lines.Add($"{(spread ? "[ok]" : "[FAILED]")} each gateway's jobs ran on their own silo: {peakBySilo.Count} silos, up to {together} at once together");
            return (held && spread, lines);
        }
        finally
        {
            foreach (IHost host in hosts)
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                host.Dispose();
            }
        }
    }
}
