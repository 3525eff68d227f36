using System.Text.RegularExpressions;
using AQueue.Samples.Silo;
using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>The sample silo keeps its counter actor in SQLite: a second run on the same data file continues it.</summary>
public partial class SiloRestartTests
{
    [Fact]
    public async Task The_persisted_counter_continues_after_a_silo_restart()
    {
        string data = Path.Combine(Path.GetTempPath(), $"aqueue-sample-{Guid.NewGuid():N}.db");
        try
        {
            // The same ports both times: the counter's key names the silo port, as a restarted silo keeps its port.
            int[] ports = FreePorts.Take(2);
            (long before1, long after1) = await RunDemoAsync(ports, data);
            (long before2, long after2) = await RunDemoAsync(ports, data);

            Assert.Equal(0, before1);
            Assert.True(after1 > 0, $"the first run's counter ended at {after1}");
            Assert.Equal(after1, before2);
            Assert.Equal(2 * after1, after2);
        }
        finally
        {
            foreach (string file in new[] { data, data + "-wal", data + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<(long Before, long After)> RunDemoAsync(int[] ports, string data)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        int exitCode = await SiloApp.RunAsync(
            ["--demo", "--no-dashboard", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString(), "--data", data],
            output, error, timeout.Token);

        string printed = output.ToString();
        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{printed}{error}");
        Match counter = CounterLine().Match(printed);
        Assert.True(counter.Success, $"no counter line in:{Environment.NewLine}{printed}");
        Assert.Contains(data, printed);
        return (long.Parse(counter.Groups["before"].Value.Replace(",", "")), long.Parse(counter.Groups["after"].Value.Replace(",", "")));
    }

    [GeneratedRegex(@"persisted counter .*: (?<before>[\d,]+) before the demo, (?<after>[\d,]+) after")]
    private static partial Regex CounterLine();
}
