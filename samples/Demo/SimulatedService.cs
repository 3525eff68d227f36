namespace AQueue.Samples.Demo;

/// <summary>
/// Stands in for a thread-safe resource worth bounding (an HTTP client, a connection pool, a model). A
/// PCModel builds it where it runs, from its registered factory.
/// </summary>
public sealed class SimulatedService(string name)
{
    private long _processed;

    public string Name { get; } = name;

    public long Processed => Interlocked.Read(ref _processed);

    public async Task ProcessAsync(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _processed);
    }
}
