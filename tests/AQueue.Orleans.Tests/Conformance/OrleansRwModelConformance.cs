using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The reader-writer suite from an external client. Differences: delegate operations are refused before sending; a
/// cancellation reaches the silo as a message; a burst may be delivered out of send order; and reads interleave on
/// the activation's one scheduler instead of running on parallel threads.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansRwModelConformance(ClusterFixture cluster) : RwModelConformance
{
    protected override IModelProvider Models => cluster.ClientModels;

    protected override bool RunsDelegateOperations => false;

    protected override TimeSpan CancellationLatency => ClusterFixture.CancellationLatency;

    protected override bool QueuesCallsInSendOrder => false;

    protected override bool ReadsRunOnParallelThreads => false;
}
