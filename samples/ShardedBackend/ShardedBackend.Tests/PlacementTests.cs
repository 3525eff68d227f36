using AQueue;
using AQueue.Conformance;
using Xunit;

namespace ShardedBackend.Tests;

/// <summary>The backend's own promises, beside the suite: where models live, and where operations run.</summary>
public sealed class PlacementTests
{
    private readonly ShardedCluster _cluster = ConformanceCluster.Create();

    [Fact]
    public void A_key_has_one_owner_in_every_cluster_of_the_same_size()
    {
        ShardedCluster other = ConformanceCluster.Create();
        string[] keys = [.. Enumerable.Range(0, 100).Select(i => $"key{i}")];

        Assert.All(keys, key => Assert.Equal(_cluster.OwnerOf(key).Index, other.OwnerOf(key).Index));
        // FNV-1a of "key0" is fixed, so is its node: placement does not depend on the process.
        Assert.Equal(0, _cluster.OwnerOf("key0").Index);
        Assert.Equal(ConformanceCluster.NodeCount, keys.Select(key => _cluster.OwnerOf(key)).Distinct().Count());
    }

    [Fact]
    public async Task Every_node_reaches_the_one_actor_of_a_key_and_its_operations_run_on_the_owner()
    {
        string key = Guid.NewGuid().ToString("N");
        ShardNode owner = _cluster.OwnerOf(key);
        var increment = new DelegateWriteOperation<long, string>((value, ct) =>
        {
            value.Value++;
            return new ValueTask<string>(ShardNode.Current!.Name);
        });

        string[] ranOn = [.. await Task.WhenAll(_cluster.Nodes.Select(node => node.View.GetActor<long>(key).InnerCallAsync(increment).AsTask()))];

        Assert.All(ranOn, name => Assert.Equal(owner.Name, name));
        long count = await _cluster.Nodes[0].View.GetActor<long>(key).InnerCallAsync(new DelegateWriteOperation<long, long>((value, ct) => new ValueTask<long>(value.Value)));
        Assert.Equal(ConformanceCluster.NodeCount, count);
        Assert.Null(ShardNode.Current);
    }

    [Fact]
    public async Task An_actor_s_operation_that_calls_its_actor_through_another_node_s_view_is_refused()
    {
        string key = Guid.NewGuid().ToString("N");
        IModelProvider elsewhere = _cluster.Nodes[^1].View;
        var reenter = new DelegateWriteOperation<long, long>((value, ct) =>
            elsewhere.GetActor<long>(key).InnerCallAsync(new DelegateWriteOperation<long, long>((v, _) => new ValueTask<long>(v.Value)), ct));

        // Both views reach the owner's one actor, so its guard sees the cycle.
        await Assert.ThrowsAsync<ModelReentrancyException>(() => _cluster.Nodes[0].View.GetActor<long>(key).InnerCallAsync(reenter).AsTask());
    }

    [Fact]
    public async Task A_PCModel_runs_on_the_caller_s_node_with_a_value_and_a_bound_of_its_own()
    {
        string key = Guid.NewGuid().ToString("N");
        var describe = new DelegateReadOperation<PcResource, string>((resource, ct) =>
            new ValueTask<string>($"{ShardNode.Current!.Name}:{resource.Value.Instance}"));

        string[] seen = [.. await Task.WhenAll(_cluster.Nodes.Select(node => node.View.GetPCModel<PcResource>(key).CallAsync(describe).AsTask()))];

        Assert.Equal(_cluster.Nodes.Select(node => node.Name), seen.Select(s => s.Split(':')[0]));
        Assert.Equal(ConformanceCluster.NodeCount, seen.Select(s => s.Split(':')[1]).Distinct().Count());
        Assert.All(_cluster.Nodes, node => Assert.Equal(ConformanceModels.PcBound, node.View.GetPCModel<PcResource>(key).MaxConcurrency));
    }
}
