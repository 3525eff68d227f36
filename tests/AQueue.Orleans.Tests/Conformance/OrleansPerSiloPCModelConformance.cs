using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The PCModel suite on <see cref="PCModelMapping.PerSilo"/>, the default (<see cref="PCModelWorkerGrain{T}"/>, a
/// stateless worker per key on each silo). Declared difference: the bound holds on each silo, so the client and both
/// silos together run more than it at once, each silo at most it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansPerSiloPCModelConformance(ClusterFixture cluster) : OrleansPCModelConformanceBase<PcResource>(cluster)
{
    protected override bool BoundIsPerNode => true;
}
