namespace AQueue.Conformance;

/// <summary>
/// Runs as "label" in the probe and holds its access until gate <see cref="Gate"/> opens (or for
/// <see cref="Milliseconds"/>). Records "cancelled label" when its token is cancelled; with
/// <see cref="IgnoreCancellation"/> it keeps holding regardless, as a slow operation that ignores its token would.
/// Returns the node it ran on.
/// </summary>
[GenerateSerializer]
public sealed record Hold<TState>(
    [property: Id(0)] string ProbeId,
    [property: Id(1)] string Label,
    [property: Id(2)] string? Gate = null,
    [property: Id(3)] int Milliseconds = 0,
    [property: Id(4)] bool IgnoreCancellation = false)
    : IWriteOperation<TState, string>, IReadOperation<TState, string>, IProbedOperation
{
    // A test that fails must not hang the run: a gate nobody opens gives up after this.
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    private async ValueTask<string> RunAsync(CancellationToken cancellationToken)
    {
        Probe probe = Probe.Get(ProbeId);
        string node = Probe.CurrentNode();
        using (probe.Enter(Label))
        {
            var noticed = new CancellationNotice(probe, Label);
            using CancellationTokenRegistration registration = cancellationToken.Register(static n => ((CancellationNotice)n!).Record(), noticed);
            CancellationToken holdToken = IgnoreCancellation ? CancellationToken.None : cancellationToken;
            try
            {
                if (Gate is not null)
                {
                    await probe.Gate(Gate).WaitAsync(s_safety, holdToken);
                }
                else if (Milliseconds > 0)
                {
                    await Task.Delay(Milliseconds, holdToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The wait's own registration may end the wait before ours runs: record here too.
                noticed.Record();
                throw;
            }
        }

        return node;
    }

    /// <summary>Records "cancelled label" once, from whichever path sees the cancellation first.</summary>
    private sealed class CancellationNotice(Probe probe, string label)
    {
        private int _recorded;

        public void Record()
        {
            if (Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                probe.Record($"cancelled {label}");
            }
        }
    }
}
