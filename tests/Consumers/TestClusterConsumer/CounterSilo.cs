using AQueue;
using AQueue.Orleans.Testing;

namespace TestClusterConsumer;

/// <summary>The test silos: counters that start at 100.</summary>
public sealed class CounterSilo : AQueueTestSiloConfigurator
{
    protected override void Register(ModelRegistry models) => models.AddInitialValue<long>(key => 100);
}
