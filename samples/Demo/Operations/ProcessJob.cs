namespace AQueue.Samples.Demo.Operations;

/// <summary>Runs one job on the shared <see cref="SimulatedService"/> and reports the concurrency it saw.</summary>
[GenerateSerializer, Immutable]
public sealed record ProcessJob([property: Id(0)] int JobId, [property: Id(1)] int Milliseconds) : IReadOperation<SimulatedService, Observation>
{
    public async ValueTask<Observation> ExecuteAsync(RefInner<SimulatedService> state, CancellationToken cancellationToken)
    {
        using var running = ConcurrencyProbe.Enter(state.Value.Name);
        await state.Value.ProcessAsync(Milliseconds, cancellationToken).ConfigureAwait(false);
        return new Observation(JobId, running.PeakSeen, state.Value.Name);
    }
}
