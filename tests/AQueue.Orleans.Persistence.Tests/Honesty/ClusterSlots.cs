using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The value of the honesty test's per-cluster PCModels (<see cref="PCModelMapping.PerCluster"/>).</summary>
[GenerateSerializer]
public sealed record ClusterSlots([property: Id(0)] string Key);
