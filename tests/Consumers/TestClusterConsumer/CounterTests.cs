using AQueue;
using AQueue.Orleans.Testing;
using Orleans.TestingHost;
using Xunit;

namespace TestClusterConsumer;

/// <summary>The testing kit from its package: a two-silo TestCluster in a few lines, its client's and each silo's models.</summary>
public sealed class CounterTests : IAsyncLifetime
{
    private readonly TestCluster _cluster = new TestClusterBuilder(2).AddAQueue<CounterSilo>().Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Every_caller_reaches_one_counter_and_no_add_is_lost()
    {
        IActor<long> fromClient = _cluster.GetClientModelProvider().GetActor<long>("visits");
        IActor<long>[] fromSilos = [.. _cluster.Silos.Select(silo => silo.GetModelProvider().GetActor<long>("visits"))];

        long[] seen = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            (i % 3 == 0 ? fromClient : fromSilos[i % 2]).InnerCallAsync(new Add(1)).AsTask()));

        Assert.Equal(Enumerable.Range(101, 60).Select(i => (long)i), seen.Order());
        Assert.Equal(160, await fromSilos[0].InnerCallAsync(new Add(0)));
    }
}
