using Orleans.TestingHost;
using Xunit;

namespace AQueue.Orleans.Sqlite.Tests;

/// <summary>The storage behind real grains on a TestCluster.</summary>
public sealed class SqliteClusterTests
{
    [Fact]
    public async Task State_survives_deactivation_and_a_cluster_restart()
    {
        using var database = new TempDatabase();
        TestCluster first = await SqliteCluster.StartAsync(database.Path);
        try
        {
            ICounterGrain counter = first.GrainFactory.GetGrain<ICounterGrain>("restart");
            await counter.Add(5);
            await counter.Add(7);
            await counter.Deactivate();
            Assert.Equal(12, await counter.Get()); // a new activation read it back
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        TestCluster second = await SqliteCluster.StartAsync(database.Path);
        try
        {
            ICounterGrain counter = second.GrainFactory.GetGrain<ICounterGrain>("restart");
            Assert.Equal(12, await counter.Get());
            Assert.Equal(13, await counter.Add(1));

            // A corrupt row surfaces on activation, through the grain call, and is not reset.
            database.Scalar("UPDATE grain_state SET payload = x'DEADBEEF'");
            await counter.Deactivate();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => counter.Get());
            Assert.True(error.ToString().Contains("cannot be read", StringComparison.Ordinal), error.ToString());
            Assert.Equal(1L, database.Scalar("SELECT COUNT(*) FROM grain_state"));

            // Clearing a healthy grain's state removes its row.
            ICounterGrain other = second.GrainFactory.GetGrain<ICounterGrain>("clear");
            await other.Add(3);
            await other.Clear();
            Assert.Equal(1L, database.Scalar("SELECT COUNT(*) FROM grain_state"));
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}
