namespace AQueue.Benchmarks.Orleans;

/// <summary>What both hand-written bounded grains do, as a user would write it: a <see cref="SemaphoreSlim"/> of two
/// slots, and the work on the thread pool so that two run in parallel.</summary>
internal sealed class BoundedCounter
{
    private readonly SemaphoreSlim _slots = new(BenchSiloConfigurator.Permits, BenchSiloConfigurator.Permits);
    private long _value;

    public async Task<long> Add(long amount)
    {
        await _slots.WaitAsync();
        try
        {
            return await Task.Run(() => Interlocked.Add(ref _value, amount));
        }
        finally
        {
            _slots.Release();
        }
    }
}
