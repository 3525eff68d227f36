namespace AQueue.Samples.Demo.Operations;

/// <summary>
/// Reads a counter slowly and reports how many reads of the same probe were running when it started, so
/// the caller can see reads overlap. The count lives in the process that runs the operation.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SlowRead([property: Id(0)] string Probe, [property: Id(1)] int Milliseconds) : IReadOperation<long, Observation>
{
    public async ValueTask<Observation> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken)
    {
        long value = state.Value;
        using var running = ConcurrencyProbe.Enter(Probe);
        await Task.Delay(Milliseconds, cancellationToken).ConfigureAwait(false);
        return new Observation(value, running.PeakSeen);
    }
}
