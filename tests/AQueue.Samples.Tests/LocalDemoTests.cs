using AQueue.Local;
using AQueue.Samples.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>The demo is written against IModelProvider alone, so it runs unchanged in-process.</summary>
public class LocalDemoTests
{
    [Fact]
    public async Task Demo_passes_on_the_in_process_backend()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddAQueueLocal(models => models.AddPCModel((_, key) => new SimulatedService(key), maxConcurrency: 3))
            .BuildServiceProvider();
        var runner = new DemoRunner(services.GetRequiredService<IModelProvider>(), NullLogger.Instance,
            new DemoOptions { KeyPrefix = "local", CallsPerCounterCaller = 1_000, Jobs = 12, JobMilliseconds = 30 });

        DemoReport report = await runner.RunAsync();

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Checks));
        DemoPhase limiter = Assert.Single(report.Phases, p => p.Name.StartsWith("PCModel", StringComparison.Ordinal));
        Assert.InRange(limiter.PeakConcurrency, 2, 3);
    }
}
