using AQueue;
using AQueue.Conformance;

namespace ShardedBackend.Tests;

/// <summary>The backend as the suites see it: a three-node <see cref="ShardedCluster"/> over the suites' registry.</summary>
internal static class ConformanceCluster
{
    public const int NodeCount = 3;

    // Once, before any cluster exists: the probe asks which node an operation runs on (it counts the bound per node),
    // and this backend says so through ShardNode.Current, which its models set around each call.
    static ConformanceCluster() => Probe.CurrentNode = static () => ShardNode.Current?.Name ?? "outside";

    public static ShardedCluster Create()
    {
        var registry = new ModelRegistry();
        ConformanceModels.Configure(registry);
        return new ShardedCluster(registry, NodeCount);
    }
}
