namespace AQueue.Benchmarks.Orleans;

/// <summary>The PCModel rows' shared value registered with <see cref="PCModelMapping.PerCluster"/>: one activation for the cluster.</summary>
[GenerateSerializer]
[Alias("aqueue.bench.ClusterSharedCounter")]
public sealed class ClusterSharedCounter : SharedCounter
{
}
