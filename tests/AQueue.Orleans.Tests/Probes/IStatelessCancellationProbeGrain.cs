namespace AQueue.Orleans.Tests;

/// <summary>A plain <c>[StatelessWorker(2)]</c> grain, for the probe of Orleans' stateless-worker cancellation.</summary>
[Alias("aqueue.tests.IStatelessCancellationProbeGrain")]
public interface IStatelessCancellationProbeGrain : IGrainWithStringKey
{
    /// <summary>Runs until its token is cancelled or <paramref name="limit"/> passes; records both moments.</summary>
    [Alias("Hold")]
    Task HoldAsync(string name, TimeSpan limit, CancellationToken cancellationToken);
}
