using System.Text;
using AQueue.Conformance;
using Orleans.Serialization;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>What only the Orleans backend does: registration, errors that say what to do, and grain placement facts.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AdapterTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Registration_puts_the_Orleans_provider_on_the_client_and_on_every_silo()
    {
        Assert.IsType<OrleansModelProvider>(cluster.ClientModels);
        Assert.Equal(2, cluster.SiloModels.Count);
        Assert.All(cluster.SiloModels, models => Assert.IsType<OrleansModelProvider>(models));
    }

    [Fact]
    public async Task The_client_and_code_on_each_silo_reach_the_same_model()
    {
        string key = Guid.NewGuid().ToString("N");
        Probe probe = Probe.Create();

        await cluster.ClientModels.GetActor<long>(key).InnerCallAsync(new Increment(probe.Id));
        await cluster.SiloModels[0].GetRwModel<long>(key).CallMutAsync(new Increment(probe.Id));
        await cluster.SiloModels[1].GetActor<long>(key).InnerCallAsync(new Increment(probe.Id));

        Assert.Equal(2, await cluster.SiloModels[0].GetActor<long>(key).InnerCallAsync(new GetCount()));
        Assert.Equal(1, await cluster.ClientModels.GetRwModel<long>(key).CallAsync(new GetCount()));
    }

    [Fact]
    public void A_delegate_operation_is_refused_at_the_proxy_before_anything_is_sent()
    {
        string key = Guid.NewGuid().ToString("N");
        var write = new DelegateWriteOperation<long, long>((s, ct) => new ValueTask<long>(++s.Value));
        var read = new DelegateReadOperation<PcResource, string>((s, ct) => new ValueTask<string>(s.Value.Key));

        // Thrown by the call itself, not by a task: nothing was sent.
        var refused = Assert.Throws<NotSupportedException>(() => { _ = cluster.ClientModels.GetActor<long>(key).InnerCallAsync(write); });
        Assert.Contains("DelegateWriteOperation", refused.Message, StringComparison.Ordinal);
        Assert.Contains("IWriteOperation<Int64, Int64>", refused.Message, StringComparison.Ordinal);
        Assert.Contains("[GenerateSerializer]", refused.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => { _ = cluster.SiloModels[0].GetRwModel<long>(key).CallMutAsync(write, TimeSpan.FromSeconds(1)); });
        Assert.Throws<NotSupportedException>(() => { _ = cluster.ClientModels.GetPCModel<PcResource>(key).CallAsync(read); });
    }

    [Fact]
    public async Task An_operation_type_without_a_serializer_fails_with_what_to_do_and_harms_nothing()
    {
        IActor<long> actor = cluster.ClientModels.GetActor<long>(Guid.NewGuid().ToString("N"));

        var failure = await Assert.ThrowsAsync<NotSupportedException>(() => actor.InnerCallAsync(new PlainIncrement()).AsTask());

        Assert.Contains("operation type PlainIncrement", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[GenerateSerializer]", failure.Message, StringComparison.Ordinal);
        Assert.IsType<CodecNotFoundException>(failure.InnerException);
        Assert.Equal(0, await actor.InnerCallAsync(new GetCount()));
    }

    [Fact]
    public void A_state_type_Orleans_does_not_allow_fails_when_the_model_is_fetched()
    {
        string key = Guid.NewGuid().ToString("N");

        var failure = Assert.Throws<NotSupportedException>(() => cluster.ClientModels.GetActor<StringBuilder>(key));

        Assert.Contains("state type StringBuilder", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[GenerateSerializer]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AddAllowedType", failure.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => cluster.SiloModels[1].GetRwModel<StringBuilder>(key));
    }

    [Fact]
    public async Task A_state_type_without_a_serializer_fails_with_what_to_do_when_it_must_travel()
    {
        IActor<PlainState> actor = cluster.ClientModels.GetActor<PlainState>(Guid.NewGuid().ToString("N"));

        var failure = await Assert.ThrowsAsync<NotSupportedException>(() => actor.InnerCallAsync(new ReturnState<PlainState>()).AsTask());

        Assert.Contains("state type PlainState", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[GenerateSerializer]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_PCModel_registration_fails_fast_on_a_silo_and_at_the_first_call_from_a_client()
    {
        string key = Guid.NewGuid().ToString("N");

        var onSilo = Assert.Throws<InvalidOperationException>(() => cluster.SiloModels[0].GetPCModel<Unregistered>(key));
        Assert.Contains("AddPCModel", onSilo.Message, StringComparison.Ordinal);

        IPCModel<Unregistered> fromClient = cluster.ClientModels.GetPCModel<Unregistered>(key);
        var onCall = await Assert.ThrowsAsync<InvalidOperationException>(() => fromClient.CallAsync(new Hold<Unregistered>("unused", "x")).AsTask());
        Assert.Contains("AddPCModel", onCall.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_writer_operation_that_waited_still_runs_on_the_activations_scheduler()
    {
        Probe probe = Probe.Create();
        string key = Guid.NewGuid().ToString("N");
        IRwModel<long> model = cluster.ClientModels.GetRwModel<long>(key);
        Assert.True(await model.CallAsync(new OnActivationScheduler()));

        Task<string> write = model.CallMutAsync(new Hold<long>(probe.Id, "W", Gate: "g")).AsTask();
        await probe.WaitForAsync("start W", Patience);
        Task<bool> waitedRead = model.CallAsync(new OnActivationScheduler()).AsTask();
        Task<bool> waitedWrite = model.CallMutAsync(new OnActivationScheduler()).AsTask();
        await Poll.UntilAsync(() => WaitingCalls.At(key) == 2, "the read and the write wait behind W", Patience);
        probe.Open("g");

        await write.WaitAsync(Patience);
        Assert.True(await waitedRead.WaitAsync(Patience));
        Assert.True(await waitedWrite.WaitAsync(Patience));
    }

    [Fact]
    public async Task Actor_operations_run_on_the_activations_scheduler()
    {
        Assert.True(await cluster.ClientModels.GetActor<long>(Guid.NewGuid().ToString("N")).InnerCallAsync(new OnActivationScheduler()));
    }
}
