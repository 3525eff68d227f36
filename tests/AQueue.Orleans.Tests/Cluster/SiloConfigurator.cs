using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AQueue.Conformance;
using AQueue.Orleans.Testing;
using Orleans.Hosting;

namespace AQueue.Orleans.Tests;

/// <summary>Each test silo: the kit's defaults with the suites' registry, the filters that name the silo and run the
/// probes, and the captured logs.</summary>
public sealed class SiloConfigurator : AQueueTestSiloConfigurator
{
    protected override void Register(ModelRegistry models)
    {
        ConformanceModels.Configure(models);
        TelemetryModels.Configure(models);
    }

    protected override void ConfigureSilo(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddIncomingGrainCallFilter<SiloNameFilter>();
        siloBuilder.AddIncomingGrainCallFilter<ProbeCallFilter>();
        siloBuilder.Services.AddSingleton<ILoggerProvider, CapturedLogs>();
        siloBuilder.Services.AddLogging(logging => logging.AddFilter<CapturedLogs>("AQueue", LogLevel.Trace));
    }
}
