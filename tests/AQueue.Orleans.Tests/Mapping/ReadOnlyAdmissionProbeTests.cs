using AQueue.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace AQueue.Orleans.Tests;

/// <summary>
/// A probe of the Orleans fact <see cref="RwModelMapping.ReadOnlyInterleaving"/> pays for: Orleans admits a
/// <c>[ReadOnly]</c> read beside running reads even when a write waits, so a stream of overlapping reads holds the
/// write back for as long as it lasts (Orleans 10.4.2). If an Orleans upgrade changes the admission order (e.g. gives
/// waiting writes preference), this test fails: update docs/orleans.md, README.md and the declared difference of
/// <see cref="OrleansReadOnlyInterleavingRwModelConformance"/>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadOnlyAdmissionProbeTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Orleans_admits_ReadOnly_reads_past_a_waiting_write_for_as_long_as_they_overlap()
    {
        const int LaterReads = 20;
        Probe probe = Probe.Create();
        string key = Guid.NewGuid().ToString("N");
        IRwModel<ReadOnlyInterleavingTally> model = cluster.ClientModels.GetRwModel<ReadOnlyInterleavingTally>(key);

        var reads = new List<Task<string>> { model.CallAsync(new Hold<ReadOnlyInterleavingTally>(probe.Id, "R0", Gate: "g0")).AsTask() };
        await probe.WaitForAsync("start R0", Patience);
        Task<string> write = model.CallMutAsync(new Hold<ReadOnlyInterleavingTally>(probe.Id, "W")).AsTask();
        await Poll.UntilAsync(() => WaitingCalls.At(key) == 1, "the write waits in the activation's queue", Patience);

        // Each later read is admitted beside the one before it, which then ends: some read always runs.
        for (int i = 1; i <= LaterReads; i++)
        {
            reads.Add(model.CallAsync(new Hold<ReadOnlyInterleavingTally>(probe.Id, $"R{i}", Gate: $"g{i}")).AsTask());
            await probe.WaitForAsync($"start R{i}", Patience);
            probe.Open($"g{i - 1}");
            await probe.WaitForAsync($"end R{i - 1}", Patience);
        }

        Assert.False(probe.Has("start W"), $"A waiting write started while reads ran: Orleans' [ReadOnly] admission changed. Events: {string.Join(", ", probe.Events)}");
        probe.Open($"g{LaterReads}");
        await Task.WhenAll(reads).WaitAsync(Patience);
        await write.WaitAsync(Patience);

        int overtaking = Enumerable.Range(1, LaterReads).Count(i => probe.IndexOf($"start R{i}") < probe.IndexOf("start W"));
        Assert.Equal(LaterReads, overtaking);
        Assert.True(probe.IndexOf($"end R{LaterReads}") < probe.IndexOf("start W"));
        output.WriteLine($"{overtaking} of {LaterReads} reads sent after the waiting write started before it; it started once the last ended.");
    }
}
