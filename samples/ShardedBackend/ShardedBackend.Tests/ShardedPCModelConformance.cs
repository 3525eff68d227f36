using AQueue.Conformance;

namespace ShardedBackend.Tests;

/// <summary>
/// The PCModel suite on the default mapping: an instance per node, as Orleans' per-silo stateless worker. Declared
/// difference: the bound holds on each node, so callers on three nodes run up to three times it at once.
/// </summary>
public sealed class ShardedPCModelConformance : ShardedPCModelConformanceBase<PcResource>
{
    protected override bool BoundIsPerNode => true;
}
