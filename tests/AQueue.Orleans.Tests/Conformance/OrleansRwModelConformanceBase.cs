using AQueue.Conformance;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The reader-writer suite from an external client; one runner per mapping derives from it. Differences every mapping
/// shares: delegate operations are refused before sending; a cancellation reaches the silo as a message; a burst may
/// be delivered out of send order; and reads interleave on the activation's one scheduler instead of running on
/// parallel threads.
/// </summary>
/// <typeparam name="TTally">The value type, registered with the mapping under test.</typeparam>
public abstract class OrleansRwModelConformanceBase<TTally>(ClusterFixture cluster) : RwModelConformance<TTally>
    where TTally : Tally
{
    protected override IModelProvider Models => cluster.ClientModels;

    protected override IModelProvider ModelsInsideOperations => cluster.SiloModels[0];

    protected override ValueTask<int> CountWaitingCallsAsync(string key) => new(WaitingCalls.At(key));

    protected override bool RunsDelegateOperations => false;

    protected override bool QueuesCallsInSendOrder => false;

    protected override bool ReadsRunOnParallelThreads => false;
}
