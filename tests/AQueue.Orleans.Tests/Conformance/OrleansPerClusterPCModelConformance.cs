using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The PCModel suite on <see cref="PCModelMapping.PerCluster"/> (<see cref="PCModelGrain{T}"/>, one activation per key
/// in the cluster): the bound holds across the client and both silos together.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansPerClusterPCModelConformance(ClusterFixture cluster) : OrleansPCModelConformanceBase<PerClusterPcResource>(cluster);
