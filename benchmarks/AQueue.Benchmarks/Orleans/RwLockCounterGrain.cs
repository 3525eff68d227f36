using Nito.AsyncEx;
using Orleans.Concurrency;

namespace AQueue.Benchmarks.Orleans;

/// <summary>The hand-written reader-writer grain: every request enters (reentrant) and waits in Nito.AsyncEx's
/// write-preferring <see cref="AsyncReaderWriterLock"/>, as a user would write it.</summary>
[Reentrant]
public sealed class RwLockCounterGrain : Grain, IRwLockCounterGrain
{
    private readonly AsyncReaderWriterLock _lock = new();
    private long _value;

    public async Task<long> Read()
    {
        using (await _lock.ReaderLockAsync())
        {
            return _value;
        }
    }

    public async Task<long> Add(long amount)
    {
        using (await _lock.WriterLockAsync())
        {
            return _value += amount;
        }
    }
}
