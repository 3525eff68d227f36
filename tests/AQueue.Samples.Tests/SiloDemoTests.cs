using AQueue.Samples.Silo;
using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>The README's first run: the sample silo's demo, run in this process as `--demo` would run it.</summary>
public class SiloDemoTests
{
    [Fact]
    public async Task Demo_run_passes_every_check_and_exits_zero()
    {
        int[] ports = FreePorts.Take(2);
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string data = Path.Combine(Path.GetTempPath(), $"aqueue-demo-{Guid.NewGuid():N}.db");

        int exitCode;
        try
        {
            exitCode = await SiloApp.RunAsync(
                ["--demo", "--no-dashboard", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString(), "--data", data],
                output, error, timeout.Token);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in new[] { data, data + "-wal", data + "-shm" })
            {
                File.Delete(file);
            }
        }

        string printed = output.ToString();
        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{printed}{error}");
        Assert.Contains("Demo passed", printed);
        Assert.DoesNotContain("FAILED", printed);
        // The figures a newcomer is promised: calls, elapsed time, calls per second and peak concurrency.
        Assert.Contains("calls/s", printed);
        Assert.Contains("[ok] no more than the limit ran at once", printed);
        Assert.Contains("[ok] reads overlap", printed);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--silo-port")]
    [InlineData("--silo-port", "0")]
    [InlineData("--gateway-port", "70000")]
    [InlineData("--primary", "not-an-endpoint")]
    [InlineData("--demo", "--no-demo")]
    [InlineData("--silo-port", "30000")]
    [InlineData("--dashboard-port", "0")]
    [InlineData("--dashboard-port", "11111")]
    public async Task Bad_arguments_print_usage_and_exit_non_zero(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = await SiloApp.RunAsync(args, output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage:", error.ToString());
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_zero()
    {
        var output = new StringWriter();

        int exitCode = await SiloApp.RunAsync(["--help"], output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.Contains("--primary", output.ToString());
        Assert.Contains("--dashboard-port", output.ToString());
        Assert.Contains("--no-dashboard", output.ToString());
    }

    [Fact]
    public void Arguments_for_a_second_silo_parse()
    {
        SiloArguments? parsed = SiloArguments.TryParse(
            ["--silo-port", "11112", "--gateway-port", "30001", "--primary", "127.0.0.1:11111", "--no-demo"], out string? error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(11112, parsed.SiloPort);
        Assert.Equal(30001, parsed.GatewayPort);
        Assert.Equal("127.0.0.1:11111", parsed.Primary?.ToString());
        Assert.False(parsed.RunDemo);
        Assert.False(parsed.DemoOnly);
        Assert.Equal(SiloArguments.DefaultDashboardPort, parsed.DashboardPort);
    }

    [Fact]
    public void The_dashboard_can_move_or_be_turned_off()
    {
        Assert.Equal(8081, SiloArguments.TryParse(["--dashboard-port", "8081"], out _)?.DashboardPort);
        Assert.Null(SiloArguments.TryParse(["--no-dashboard"], out _)?.DashboardPort);
    }
}
