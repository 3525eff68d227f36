using AQueue.Conformance;
using Orleans;

namespace AQueue.Orleans.Tests;

/// <summary>
/// Signals what happens to a probed operation's grain call, to the operation's probe (<see cref="Probe.Notify"/>: the
/// event log the suites compare is unchanged): "arrived label" just before the grain method runs, "left label" once
/// the grain method has finished (run, failed or dropped). A test waits for these states instead of sleeping: after
/// "arrived" the request is in the activation's own queue, not on the wire; after "left" without "start" the grain
/// dropped it unrun.
/// </summary>
public sealed class ProbeCallFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        (Probe Probe, string Label)? probed = context.Request.GetArgumentCount() > 0
            && context.Request.GetArgument(0) is IProbedOperation operation
            && Probe.TryGet(operation.ProbeId, out Probe? probe)
                ? (probe, operation.Label)
                : null;

        // The grain method runs in this same turn of the activation (up to its first await), so it has queued the
        // request before any cancellation message for it can be processed there.
        if (probed is not null)
        {
            WaitingCalls.Seen(context.TargetContext);
        }

        probed?.Probe.Notify($"arrived {probed.Value.Label}");
        try
        {
            await context.Invoke();
        }
        finally
        {
            probed?.Probe.Notify($"left {probed.Value.Label}");
        }
    }
}
