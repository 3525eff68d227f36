using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AQueue.Conformance;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Tests;

/// <summary>Each test silo: AQueue with the suites' registry, and a short response timeout so a hung call fails fast.</summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddAQueue(ConformanceModels.Configure);
        siloBuilder.AddAQueue(TelemetryModels.Configure);
        siloBuilder.AddIncomingGrainCallFilter<SiloNameFilter>();
        siloBuilder.AddIncomingGrainCallFilter<ProbeCallFilter>();
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15));
        siloBuilder.Services.AddSingleton<ILoggerProvider, CapturedLogs>();
        siloBuilder.Services.AddLogging(logging => logging.AddFilter<CapturedLogs>("AQueue", LogLevel.Trace));
    }
}
