namespace AQueue.Conformance;

/// <summary>
/// A read that blocks its thread (no await) until another read is blocked beside it, or the window passes:
/// the probe's <see cref="Probe.MaxInSyncSection"/> then says whether reads ran on two threads at once.
/// </summary>
[GenerateSerializer]
public sealed record BlockingRead<TState>([property: Id(0)] string ProbeId, [property: Id(1)] string Label, [property: Id(2)] int WindowMilliseconds)
    : IReadOperation<TState, int>
{
    /// <inheritdoc />
    public ValueTask<int> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken)
    {
        Probe probe = Probe.Get(ProbeId);
        using (probe.Enter(Label))
        {
            probe.BlockInSyncSection(others: 1, TimeSpan.FromMilliseconds(WindowMilliseconds));
        }

        return new(probe.MaxInSyncSection);
    }
}
