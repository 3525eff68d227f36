using AQueue.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// What only the per-silo PCModel mapping (<see cref="PCModelWorkerGrain{T}"/>) must show on two silos: the bound per
/// silo, a caller's cancellation reaching the worker that holds its requests from every caller, and a clear error when
/// a caller's mapping disagrees with the silos'.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PCModelMappingTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Watches for something that must not happen.</summary>

    /// <summary>0: the external client; 1 and 2: code on each silo.</summary>
    private IModelProvider Caller(int index) => index == 0 ? cluster.ClientModels : cluster.SiloModels[index - 1];

    private string SiloName(int silo) => cluster.Cluster.Silos[silo].SiloAddress.ToString();

    [Fact]
    public async Task The_bound_holds_on_each_silo_and_two_silos_run_twice_the_bound()
    {
        Probe probe = Probe.Create();
        string key = Guid.NewGuid().ToString("N");
        IPCModel<PcResource>[] models = [.. cluster.SiloModels.Select(m => m.GetPCModel<PcResource>(key))];
        int bound = models[0].MaxConcurrency;

        // Three times the bound from each silo: each silo's worker runs its own calls.
        Task<string>[][] calls = [.. models.Select((model, silo) => Enumerable.Range(0, bound * 3)
            .Select(i => model.CallAsync(new Hold<PcResource>(probe.Id, $"s{silo}c{i}", Gate: "g")).AsTask()).ToArray())];
        await probe.WaitForRunningInTotalAsync(bound * 2, Patience);
        // Every call has reached its silo's worker: the bound on each holds back the rest.
        await Poll.UntilAsync(() => WaitingCalls.At(key) == bound * 4, "each silo's worker holds back twice the bound", Patience);

        Assert.Equal(bound, probe.MaxRunningOnOneNode);
        Assert.Equal(bound * 2, probe.MaxRunning);
        Assert.Equal(new[] { SiloName(0), SiloName(1) }.Order(), probe.Nodes.Order());
        probe.Open("g");
        for (int silo = 0; silo < calls.Length; silo++)
        {
            string[] ranOn = await Task.WhenAll(calls[silo]).WaitAsync(Patience);
            Assert.All(ranOn, node => Assert.Equal(SiloName(silo), node));
        }

        Assert.Equal(bound, probe.MaxRunningOnOneNode);
    }

    [Fact]
    public async Task An_external_clients_calls_of_one_key_all_reach_one_silo_even_in_a_burst()
    {
        // A probe of an Orleans fact the mapping relies on: the client routes every message of a grain id, stateless
        // worker or not, through one gateway (so a cancellation follows its request to the silo that holds it), and
        // spreads different keys over the gateways. If an Orleans upgrade changes this, this test says so.
        Probe probe = Probe.Create();
        var silosUsed = new HashSet<string>();
        for (int k = 0; k < 6; k++)
        {
            IPCModel<PcResource> model = cluster.ClientModels.GetPCModel<PcResource>(Guid.NewGuid().ToString("N"));
            string[] ranOn = await Task.WhenAll(Enumerable.Range(0, 8)
                .Select(i => model.CallAsync(new Hold<PcResource>(probe.Id, $"k{k}c{i}")).AsTask())).WaitAsync(Patience);

            silosUsed.Add(Assert.Single(ranOn.Distinct()));
        }

        Assert.Equal(2, silosUsed.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_callers_cancellation_reaches_its_running_operation_and_its_queued_one_never_starts(int caller)
    {
        // Several keys: a cancellation that could reach the wrong silo's worker would miss on some of them.
        for (int k = 0; k < 3; k++)
        {
            Probe probe = Probe.Create();
            IPCModel<PcResource> model = Caller(caller).GetPCModel<PcResource>(Guid.NewGuid().ToString("N"));
            using var cts = new CancellationTokenSource();

            // One slot held by a call nobody cancels, the other by the victim's running call (which notes its token's
            // cancellation but keeps its slot until the test lets it go); the victim's second call waits in the queue.
            Task<string> holder = model.CallAsync(new Hold<PcResource>(probe.Id, "holder", Gate: "holder")).AsTask();
            await probe.WaitForAsync("start holder", Patience);
            Task<string> running = model.CallAsync(new Hold<PcResource>(probe.Id, "running", Gate: "running", IgnoreCancellation: true), cts.Token).AsTask();
            await probe.WaitForAsync("start running", Patience);
            Task<string> queued = model.CallAsync(new Hold<PcResource>(probe.Id, "queued"), cts.Token).AsTask();
            await probe.WaitForAsync("arrived queued", Patience);

            await cts.CancelAsync();

            // Both cancellations reach the worker that holds the calls: the queued call leaves the grain without having
            // started, and its caller is told so once the silo has dropped it; the running call's token is cancelled.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patience));
            await probe.WaitForAsync("left queued", Patience);
            await probe.WaitForAsync("cancelled running", Patience);
            Assert.False(probe.Has("start queued"), $"A queued call whose caller was told 'cancelled' started. Events: {string.Join(", ", probe.Events)}");

            // The running operation ignores its token: its caller is not told "cancelled" (the silo acknowledges the
            // cancellation only with the operation's own outcome), it gets that outcome when the operation ends.
            Assert.False(running.IsCompleted, "The caller of an operation still running was answered before it ended.");

            // Free both slots; a later call of the same caller reaches the same worker and queue, and the victim
            // still never starts.
            probe.Open("running");
            probe.Open("holder");
            string ranOn = await holder.WaitAsync(Patience);
            Assert.Equal(ranOn, await running.WaitAsync(Patience));
            Assert.Equal(ranOn, await model.CallAsync(new Hold<PcResource>(probe.Id, "after")).AsTask().WaitAsync(Patience));
            Assert.False(probe.Has("start queued"), $"A queued call whose caller was told 'cancelled' started. Events: {string.Join(", ", probe.Events)}");
        }
    }

    [Fact]
    public async Task A_caller_whose_mapping_disagrees_with_the_silos_fails_with_what_to_do()
    {
        // A client given a registry that maps both types the other way round from the silos.
        var registry = new ModelRegistry()
            .AddPCModel((_, key) => new PcResource(key), ConformanceModels.PcBound, PCModelMapping.PerCluster)
            .AddPCModel((_, key) => new PerClusterPcResource(key), ConformanceModels.PcBound, PCModelMapping.PerSilo);
        await using ServiceProvider services = new ServiceCollection().AddSingleton(registry).BuildServiceProvider();
        var models = new OrleansModelProvider(cluster.Cluster.Client, services);
        Probe probe = Probe.Create();

        var perSilo = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            models.GetPCModel<PcResource>(Guid.NewGuid().ToString("N")).CallAsync(new Hold<PcResource>(probe.Id, "a")).AsTask());
        var perCluster = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            models.GetPCModel<PerClusterPcResource>(Guid.NewGuid().ToString("N")).CallAsync(new Hold<PerClusterPcResource>(probe.Id, "b")).AsTask());

        Assert.Contains("registered PerSilo on this silo", perSilo.Message, StringComparison.Ordinal);
        Assert.Contains("mapping: PCModelMapping.PerSilo", perSilo.Message, StringComparison.Ordinal);
        Assert.Contains("registered PerCluster on this silo", perCluster.Message, StringComparison.Ordinal);
        Assert.Contains("mapping: PCModelMapping.PerCluster", perCluster.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(probe.Events, e => e.StartsWith("start ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_without_a_registry_learns_each_types_mapping_and_bound_from_a_silo()
    {
        // The test client has no registry: the bound comes from a silo, and each type reaches the grain its silo
        // registration names (a mismatch would fail, as above).
        string key = Guid.NewGuid().ToString("N");
        Assert.Equal(ConformanceModels.PcBound, cluster.ClientModels.GetPCModel<PcResource>(key).MaxConcurrency);
        Assert.StartsWith($"{key}#", await cluster.ClientModels.GetPCModel<PcResource>(key).CallAsync(new DescribeResource<PcResource>()), StringComparison.Ordinal);
        Assert.StartsWith($"{key}#", await cluster.ClientModels.GetPCModel<PerClusterPcResource>(key).CallAsync(new DescribeResource<PerClusterPcResource>()), StringComparison.Ordinal);
    }
}
