using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The reader-writer suite on <see cref="RwModelMapping.WritePreferring"/>, the default (<see cref="RwModelGrain{T}"/>,
/// a reentrant grain with a write-preferring queue inside): write preference kept.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansWritePreferringRwModelConformance(ClusterFixture cluster) : OrleansRwModelConformanceBase<Tally>(cluster);
