using System.Net;
using System.Net.Sockets;
using AQueue.Samples.Client;
using AQueue.Samples.Silo;
using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>The README's two silos and external client, in this process: the client's demo passes, and the PCModel
/// limit holds on each silo while the two silos together run more than one silo's limit.</summary>
public sealed class TwoSiloClientTests
{
    [Fact]
    public async Task Client_demo_passes_over_two_silos_and_shows_the_limit_per_silo()
    {
        int[] ports = FreePorts.Take(4);
        string[] data = [NewDataPath(), NewDataPath()];
        using var stop = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var silo1Output = new StringWriter();
        var silo2Output = new StringWriter();
        Task<int> silo1 = SiloApp.RunAsync(
            ["--no-demo", "--no-dashboard", "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--data", data[0]], silo1Output, silo1Output, stop.Token);
        try
        {
            await WaitForListenerAsync(ports[1], silo1, timeout.Token);
            Task<int> silo2 = SiloApp.RunAsync(
                ["--no-demo", "--no-dashboard", "--silo-port", $"{ports[2]}", "--gateway-port", $"{ports[3]}", "--primary", $"127.0.0.1:{ports[0]}", "--data", data[1]],
                silo2Output, silo2Output, stop.Token);
            try
            {
                await WaitForListenerAsync(ports[3], silo2, timeout.Token);

                var output = new StringWriter();
                var error = new StringWriter();
                int exitCode = await ClientApp.RunAsync(["--gateway-port", $"{ports[1]}", "--gateway-port", $"{ports[3]}"], output, error, timeout.Token);

                string printed = output.ToString();
                Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{printed}{error}");
                Assert.Contains("Demo passed", printed);
                Assert.Contains($"127.0.0.1:{ports[0]}:", printed); // each silo ran some jobs (silo addresses name the silo port)
                Assert.Contains($"127.0.0.1:{ports[2]}:", printed);
                Assert.Contains("[ok] no silo ran more than its limit", printed);
                Assert.Contains("[ok] each gateway's jobs ran on their own silo: 2 silos, up to 8 at once together", printed);
            }
            finally
            {
                await stop.CancelAsync();
                Assert.Equal(0, await silo2.WaitAsync(TimeSpan.FromMinutes(1)));
            }
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await silo1.WaitAsync(TimeSpan.FromMinutes(1)));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in data.SelectMany(d => new[] { d, d + "-wal", d + "-shm" }))
            {
                File.Delete(file);
            }
        }
    }

    private static string NewDataPath() => Path.Combine(Path.GetTempPath(), $"aqueue-two-silos-{Guid.NewGuid():N}.db");

    /// <summary>Waits until the silo's gateway accepts connections (the silo is up), or fails if the silo stopped first.</summary>
    private static async Task WaitForListenerAsync(int port, Task<int> silo, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (silo.IsCompleted)
            {
                Assert.Fail($"The silo stopped before its gateway listened (exit code {await silo}).");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
