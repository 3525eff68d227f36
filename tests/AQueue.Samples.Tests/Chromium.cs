using System.Diagnostics;
using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>Headless Chromium (Debian's <c>chromium</c> package; <c>.ci/run</c> installs it when it is missing).</summary>
internal static class Chromium
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    /// <summary>The browser's path: <c>$CHROMIUM</c>, or the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    public static string Find()
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (string folder in path)
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("The dashboard test needs headless Chromium: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM to a Chrome or Chromium binary.");
        return "";
    }

    /// <summary>The page's DOM once its scripts have run (they get <paramref name="budget"/> of virtual time).</summary>
    public static Task<string> DumpDomAsync(string url, TimeSpan budget) =>
        RunAsync([.. CommonArguments(budget), "--dump-dom", url]);

    /// <summary>Saves a PNG of the page at <paramref name="path"/>, 1400x1000.</summary>
    public static Task ScreenshotAsync(string url, string path, TimeSpan budget) =>
        RunAsync([.. CommonArguments(budget), "--hide-scrollbars", "--window-size=1400,1000", $"--screenshot={path}", url]);

    private static string[] CommonArguments(TimeSpan budget) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
        $"--user-data-dir={Path.Combine(Path.GetTempPath(), "aqueue-chromium-profile")}",
        $"--virtual-time-budget={(int)budget.TotalMilliseconds}",
    ];

    private static async Task<string> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo(Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(s_limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish within {s_limit}: {string.Join(' ', arguments)}");
        }

        string printed = await output;
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {await errors}");
        return printed;
    }
}
