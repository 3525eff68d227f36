using AQueue.Orleans.Testing;
using Orleans.Configuration;
using Orleans.Hosting;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The silos of the tests that stop and kill silos: short response timeouts and fast failure detection, so a killed
/// silo is declared dead within seconds, and <see cref="CurrentSiloFilter"/>, so operations can say where they run.
/// </summary>
public abstract class FailoverSiloConfigurator : AQueueTestSiloConfigurator
{
    /// <summary>The response timeout of these silos and of their client.</summary>
    public static readonly TimeSpan FastResponseTimeout = TimeSpan.FromSeconds(5);

    protected override TimeSpan ResponseTimeout => FastResponseTimeout;

    protected override void ConfigureSilo(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddIncomingGrainCallFilter<CurrentSiloFilter>();
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }
}
