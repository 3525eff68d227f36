using AQueue.Orleans.Testing;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The test client: the kit's, with the silo's response timeout.</summary>
public sealed class PersistenceClientConfigurator : AQueueTestClientConfigurator
{
    protected override TimeSpan ResponseTimeout => PersistenceSiloConfigurator.Timeout;
}
