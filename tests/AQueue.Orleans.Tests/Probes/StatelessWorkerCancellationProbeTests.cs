using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// A probe of the Orleans fact that keeps PCModel off <c>[StatelessWorker(n)]</c> with n &gt; 1 (dotnet/orleans#9877,
/// open in 10.4.2): a caller's cancellation is routed to some worker of the grain id, not to the one running the
/// request, so of two requests running on two workers one never sees its token cancelled. If an Orleans upgrade fixes
/// this, this test fails: the mapping could then use several workers (docs/orleans.md says why it does not).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StatelessWorkerCancellationProbeTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_cancellation_misses_one_of_two_requests_running_on_two_stateless_workers()
    {
        var grain = cluster.Cluster.Client.GetGrain<IStatelessCancellationProbeGrain>(Guid.NewGuid().ToString("N"));
        string first = Guid.NewGuid().ToString("N");
        string second = Guid.NewGuid().ToString("N");
        using var firstCts = new CancellationTokenSource();
        using var secondCts = new CancellationTokenSource();

        // The limit bounds the request that the cancellation misses.
        Task firstCall = grain.HoldAsync(first, TimeSpan.FromSeconds(3), firstCts.Token);
        await WaitUntilAsync(() => StatelessCancellationProbeGrain.Seen.ContainsKey(first), "the first request runs", Patience);
        Task secondCall = grain.HoldAsync(second, TimeSpan.FromSeconds(3), secondCts.Token);
        await WaitUntilAsync(() => StatelessCancellationProbeGrain.Seen.ContainsKey(second), "the second request runs", Patience);

        await firstCts.CancelAsync();
        await secondCts.CancelAsync();
        // The cluster's silos and client wait for the callee to acknowledge a cancellation (AQueue turns it on), so
        // each caller is answered when its request ends; the probe's grain ends normally either way.
        await Task.WhenAll(firstCall, secondCall).WaitAsync(Patience);
        await WaitUntilAsync(() => StatelessCancellationProbeGrain.Seen[first] is not null && StatelessCancellationProbeGrain.Seen[second] is not null, "both requests ended", Patience);

        bool?[] cancelled = [StatelessCancellationProbeGrain.Seen[first], StatelessCancellationProbeGrain.Seen[second]];
        Assert.True(cancelled.Contains(false), "Both running requests saw their caller's cancellation: Orleans now routes a stateless worker's cancellation to the worker holding the request (dotnet/orleans#9877 fixed?).");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        DateTime limit = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < limit, $"Timed out waiting until {what}.");
            await Task.Delay(5);
        }
    }
}
