using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;
using AQueue.Samples.Silo;
using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>
/// The README's first run as an operator sees it: the sample silo runs its demo, then serves the Orleans Dashboard and
/// the Prometheus metrics endpoint on loopback. The metrics count exactly the demo's calls, and the dashboard, opened
/// in headless Chromium, lists the three model grains with those calls.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed partial class DashboardTests
{
    // What the demo (DemoOptions' defaults) and the silo around it call: the counter actor's 4 x 2,500 adds and its
    // value read before and after, by the demo and by the silo; 8 x 250 reads, 100 writes, 16 slow reads and the value
    // read before and after; 40 limiter jobs.
    private const long ActorCalls = 10_004;
    private const long RwModelCalls = 2_118;
    private const long PCModelCalls = 40;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_the_demo_the_metrics_endpoint_and_the_dashboard_show_its_calls()
    {
        int[] ports = FreePorts.Take(3);
        string data = Path.Combine(Path.GetTempPath(), $"aqueue-dashboard-{Guid.NewGuid():N}.db");
        var output = new SynchronizedOutput();
        using var stop = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Task<int> silo = SiloApp.RunAsync(
            ["--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--dashboard-port", $"{ports[2]}", "--data", data],
            output.Writer, output.Writer, stop.Token);
        try
        {
            await WaitForAsync(() => output.ToString().Contains("Serving.", StringComparison.Ordinal), silo, "the demo to finish", output, timeout.Token);
            string printed = output.ToString();
            Assert.Contains("Demo passed", printed);
            string site = $"http://127.0.0.1:{ports[2]}/";
            Assert.Contains($"Orleans Dashboard: {site}", printed);
            Assert.Contains($"{site}metrics", printed);

            // The metrics endpoint: AQueue's series count the demo's calls exactly, by kind and mapping.
            using var http = new HttpClient();
            string metrics = await http.GetStringAsync(new Uri($"{site}metrics"), timeout.Token);
            Assert.Equal(ActorCalls, Sample(metrics, "aqueue_model_calls_total", "actor", "actor_grain", "completed"));
            Assert.Equal(RwModelCalls, Sample(metrics, "aqueue_model_calls_total", "rw_model", "write_preferring", "completed"));
            Assert.Equal(PCModelCalls, Sample(metrics, "aqueue_model_calls_total", "pc_model", "per_silo", "completed"));
            Assert.Equal(PCModelCalls, Sample(metrics, "aqueue_model_wait_duration_seconds_count", "pc_model", "per_silo"));
            Assert.True(Sample(metrics, "aqueue_model_wait_duration_seconds_sum", "pc_model", "per_silo") > 0,
                "40 jobs through a limit of 4 waited, yet the wait sum is 0");
            Assert.DoesNotContain("aqueue_model_key", metrics);

            // The dashboard, in a real browser: its Grains page lists the model grains, with calls per second over its
            // 100-second window (the profiler reports each second, so the last calls may take a moment to show).
            string grainsPage = $"{site}#/grains";
            string dom = "";
            Dictionary<string, long> calls = [];
            DateTime end = DateTime.UtcNow + Patience;
            while (true)
            {
                dom = await Chromium.DumpDomAsync(grainsPage, TimeSpan.FromSeconds(8));
                calls = GrainCalls(dom);
                bool complete = calls.GetValueOrDefault("ActorGrain<Int64>") == ActorCalls
                                && calls.GetValueOrDefault("RwModelGrain<Int64>") == RwModelCalls
                                && calls.GetValueOrDefault("PCModelWorkerGrain<SimulatedService>") == PCModelCalls;
                if (complete || DateTime.UtcNow > end)
                {
                    break;
                }
            }

            Assert.Contains("Orleans Dashboard", dom);
            Assert.True(calls.Count > 0, $"the Grains page listed no grain:{Environment.NewLine}{dom}");
            Assert.Equal(ActorCalls, calls.GetValueOrDefault("ActorGrain<Int64>"));
            Assert.Equal(RwModelCalls, calls.GetValueOrDefault("RwModelGrain<Int64>"));
            Assert.Equal(PCModelCalls, calls.GetValueOrDefault("PCModelWorkerGrain<SimulatedService>"));

            if (Environment.GetEnvironmentVariable("AQUEUE_DASHBOARD_SCREENSHOT") is { Length: > 0 } screenshot)
            {
                // How docs/dashboard.png was made: AQUEUE_DASHBOARD_SCREENSHOT=$PWD/docs/dashboard.png dotnet test ...
                await Chromium.ScreenshotAsync(grainsPage, screenshot, TimeSpan.FromSeconds(8));
                Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is (nearly) empty");
            }
        }
        finally
        {
            await stop.CancelAsync();
            int exitCode = await silo.WaitAsync(TimeSpan.FromMinutes(1));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in new[] { data, data + "-wal", data + "-shm" })
            {
                File.Delete(file);
            }

            Assert.True(exitCode == 0, $"the silo exited with {exitCode}:{Environment.NewLine}{output}");
        }
    }

    /// <summary>The sum of <paramref name="metric"/>'s samples for a model kind and mapping (and outcome), in Prometheus text.</summary>
    private static double Sample(string exposition, string metric, string kind, string mapping, string? outcome = null)
    {
        double sum = 0;
        bool found = false;
        foreach (string line in exposition.Split('\n'))
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal)
                && line.Contains($"aqueue_model_kind=\"{kind}\"", StringComparison.Ordinal)
                && line.Contains($"aqueue_model_mapping=\"{mapping}\"", StringComparison.Ordinal)
                && line.Contains("aqueue_backend=\"orleans\"", StringComparison.Ordinal)
                && (outcome is null || line.Contains($"aqueue_call_outcome=\"{outcome}\"", StringComparison.Ordinal)))
            {
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                found = true;
            }
        }

        Assert.True(found, $"no {metric} sample for {kind}/{mapping}/{outcome} in:{Environment.NewLine}{exposition}");
        return sum;
    }

    /// <summary>Calls per grain type as the Grains page shows them: req/sec over its 100-second window, times 100.</summary>
    private static Dictionary<string, long> GrainCalls(string dom)
    {
        var calls = new Dictionary<string, long>();
        foreach (Match row in GrainRow().Matches(dom))
        {
            string name = System.Net.WebUtility.HtmlDecode(row.Groups["name"].Value);
            calls[name] = (long)Math.Round(double.Parse(row.Groups["rate"].Value, CultureInfo.InvariantCulture) * 100);
        }

        return calls;
    }

    private static async Task WaitForAsync(Func<bool> condition, Task<int> silo, string what, SynchronizedOutput output, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            if (silo.IsCompleted)
            {
                Assert.Fail($"The silo stopped (exit code {await silo}) before {what}:{Environment.NewLine}{output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    [GeneratedRegex(@"<tr><td[^>]*><a href=""#/grain/[^""]*"">(?<name>[^<]+)</a></td>.*?<strong>(?<rate>[\d.]+)</strong> <small>req/sec</small>", RegexOptions.Singleline)]
    private static partial Regex GrainRow();
}
