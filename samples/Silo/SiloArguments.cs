using System.Net;

namespace AQueue.Samples.Silo;

/// <summary>The sample silo's command line.</summary>
public sealed record SiloArguments
{
    public const string Usage = """
        Usage: dotnet run --project samples/Silo -- [options]

          (no options)            start a silo on localhost, run the demo, keep serving until Ctrl+C
          --demo                  run the demo and exit: 0 when every check held, 1 otherwise
          --silo-port <port>      silo-to-silo port (default 11111)
          --gateway-port <port>   client gateway port (default 30000)
          --primary <host:port>   the first silo's silo endpoint, to join its cluster (default: this silo is the first)
          --data <path>           the SQLite file that keeps the persisted models (default: aqueue-sample.db
                                  next to the app); the demo's counter continues from it after a restart
          --no-demo               serve only, without running the demo
          --dashboard-port <port> the Orleans Dashboard and the Prometheus metrics endpoint, on 127.0.0.1 only
                                  (default 8080): http://127.0.0.1:<port>/ and http://127.0.0.1:<port>/metrics
          --no-dashboard          no dashboard and no metrics endpoint (no HTTP listener at all)
          --help                  show this text

        A second silo on the same machine:
          dotnet run --project samples/Silo -- --silo-port 11112 --gateway-port 30001 --primary 127.0.0.1:11111 --dashboard-port 8081 --no-demo
        """;

    public bool DemoOnly { get; init; }

    public bool RunDemo { get; init; } = true;

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public IPEndPoint? Primary { get; init; }

    /// <summary>The loopback port of the dashboard and the metrics endpoint; null with <c>--no-dashboard</c>.</summary>
    public int? DashboardPort { get; init; } = DefaultDashboardPort;

    public const int DefaultDashboardPort = 8080;

    /// <summary>The SQLite file of the persisted models; every silo of one cluster must use the same file.</summary>
    public string DataPath { get; init; } = Path.Combine(AppContext.BaseDirectory, DefaultDataFile);

    public const string DefaultDataFile = "aqueue-sample.db";

    public bool ShowHelp { get; init; }

    /// <summary>Parses <paramref name="args"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static SiloArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        var result = new SiloArguments();
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--demo":
                    result = result with { DemoOnly = true, RunDemo = true };
                    break;
                case "--no-demo":
                    result = result with { RunDemo = false };
                    break;
                case "--no-dashboard":
                    result = result with { DashboardPort = null };
                    break;
                case "--dashboard-port":
                    if (!TryPort(args, ++i, arg, out int dashboardPort, out error))
                    {
                        return null;
                    }

                    result = result with { DashboardPort = dashboardPort };
                    break;
                case "--help" or "-h" or "-?":
                    result = result with { ShowHelp = true };
                    break;
                case "--silo-port" or "--gateway-port":
                    if (!TryPort(args, ++i, arg, out int port, out error))
                    {
                        return null;
                    }

                    result = arg == "--silo-port" ? result with { SiloPort = port } : result with { GatewayPort = port };
                    break;
                case "--data":
                    if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]) || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        error = "--data needs a file path.";
                        return null;
                    }

                    result = result with { DataPath = Path.GetFullPath(args[++i]) };
                    break;
                case "--primary":
                    if (i + 1 >= args.Count || !IPEndPoint.TryParse(args[++i], out IPEndPoint? primary) || primary.Port == 0)
                    {
                        error = "--primary needs an endpoint such as 127.0.0.1:11111.";
                        return null;
                    }

                    result = result with { Primary = primary };
                    break;
                default:
                    error = $"Unknown argument '{arg}'.";
                    return null;
            }
        }

        if (result.DemoOnly && !result.RunDemo)
        {
            error = "--demo and --no-demo contradict each other.";
            return null;
        }

        if (result.SiloPort == result.GatewayPort)
        {
            error = "--silo-port and --gateway-port must differ.";
            return null;
        }

        if (result.DashboardPort is { } web && (web == result.SiloPort || web == result.GatewayPort))
        {
            error = "--dashboard-port must differ from the silo and gateway ports.";
            return null;
        }

        return result;
    }

    private static bool TryPort(IReadOnlyList<string> args, int index, string name, out int port, out string? error)
    {
        port = 0;
        error = null;
        if (index >= args.Count || !int.TryParse(args[index], out port) || port is < 1 or > 65535)
        {
            error = $"{name} needs a port number from 1 to 65535.";
            return false;
        }

        return true;
    }
}
