using AQueue.Conformance;

namespace ShardedBackend.Tests;

/// <summary>The PCModel suite on a type registered per cluster: one instance, on its key's node, so the bound holds
/// across every caller. No declared difference.</summary>
public sealed class ShardedPerClusterPCModelConformance : ShardedPCModelConformanceBase<PerClusterPcResource>;
