using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The reader-writer suite on <see cref="RwModelMapping.ReadOnlyInterleaving"/> (<see cref="RwModelReadOnlyGrain{T}"/>,
/// a non-reentrant grain with <c>[ReadOnly]</c> reads). Declared difference: no write preference, a read that arrives
/// after a waiting write starts before it while other reads run.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansReadOnlyInterleavingRwModelConformance(ClusterFixture cluster) : OrleansRwModelConformanceBase<ReadOnlyInterleavingTally>(cluster)
{
    protected override bool WritesHoldBackLaterReads => false;
}
