using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AQueue.Benchmarks.InProcess;

/// <summary>
/// The read-heavy case: 4 reading tasks and 1 writing task at once, 20,000 calls each. Reads return one
/// <see cref="long"/>, the write increments it. <see cref="System.Threading.SemaphoreSlim"/> and <c>lock</c>
/// serialise the reads too: they are what a user who does not reach for a reader-writer lock would get.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("read-heavy")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ReadHeavyBenchmarks
{
    private const int Readers = 4;
    private const int Writers = 1;

    private readonly RwModel<long> _model = new(0);
    private readonly SemaphoreSlim _semaphoreSlim = new(1, 1);
    private readonly Nito.AsyncEx.AsyncReaderWriterLock _nitoLock = new();
    private readonly DotNext.Threading.AsyncReaderWriterLock _dotNextLock = new();
    private readonly ReaderWriterLockSlim _rwSlim = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _lock = new();
    private long _value;
    private long _sink;

    [GlobalCleanup]
    public void Cleanup() => _rwSlim.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "RwModel CallAsync/CallMutAsync")]
    public Task RwModel() => Workload.Mixed(Readers, Writers, ModelRead, ModelWrite);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "SemaphoreSlim(1,1)")]
    public Task SemaphoreSlim() => Workload.Mixed(Readers, Writers, SemaphoreSlimLoop, SemaphoreSlimLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Nito AsyncReaderWriterLock")]
    public Task NitoAsyncReaderWriterLock() => Workload.Mixed(Readers, Writers, NitoRead, NitoWrite);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "DotNext AsyncReaderWriterLock")]
    public Task DotNextAsyncReaderWriterLock() => Workload.Mixed(Readers, Writers, DotNextRead, DotNextWrite);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "ReaderWriterLockSlim (sync floor)")]
    public Task ReaderWriterLockSlim() => Workload.Mixed(Readers, Writers, RwSlimRead, RwSlimWrite);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "lock (sync floor)")]
    public Task LockStatement() => Workload.Mixed(Readers, Writers, LockLoop, LockLoop);

    private async Task ModelRead(int calls)
    {
        long sum = 0;
        for (int i = 0; i < calls; i++)
        {
            sum += await _model.CallAsync(static s => new ValueTask<long>(s.Value));
        }

        Volatile.Write(ref _sink, sum);
    }

    private async Task ModelWrite(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _model.CallMutAsync(static s =>
            {
                s.Value++;
                return ValueTask.CompletedTask;
            });
        }
    }

    // Readers and the writer do the same thing under an exclusive lock: increment (a read would be no cheaper).
    private async Task SemaphoreSlimLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _semaphoreSlim.WaitAsync();
            try
            {
                _value++;
            }
            finally
            {
                _semaphoreSlim.Release();
            }
        }
    }

    private async Task NitoRead(int calls)
    {
        long sum = 0;
        for (int i = 0; i < calls; i++)
        {
            using (await _nitoLock.ReaderLockAsync())
            {
                sum += Volatile.Read(ref _value);
            }
        }

        Volatile.Write(ref _sink, sum);
    }

    private async Task NitoWrite(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            using (await _nitoLock.WriterLockAsync())
            {
                _value++;
            }
        }
    }

    private async Task DotNextRead(int calls)
    {
        long sum = 0;
        for (int i = 0; i < calls; i++)
        {
            await _dotNextLock.EnterReadLockAsync(CancellationToken.None);
            try
            {
                sum += Volatile.Read(ref _value);
            }
            finally
            {
                _dotNextLock.Release();
            }
        }

        Volatile.Write(ref _sink, sum);
    }

    private async Task DotNextWrite(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _dotNextLock.EnterWriteLockAsync(CancellationToken.None);
            try
            {
                _value++;
            }
            finally
            {
                _dotNextLock.Release();
            }
        }
    }

    private void RwSlimRead(int calls)
    {
        long sum = 0;
        for (int i = 0; i < calls; i++)
        {
            _rwSlim.EnterReadLock();
            try
            {
                sum += Volatile.Read(ref _value);
            }
            finally
            {
                _rwSlim.ExitReadLock();
            }
        }

        Volatile.Write(ref _sink, sum);
    }

    private void RwSlimWrite(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _rwSlim.EnterWriteLock();
            try
            {
                _value++;
            }
            finally
            {
                _rwSlim.ExitWriteLock();
            }
        }
    }

    private void LockLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            lock (_lock)
            {
                _value++;
            }
        }
    }
}
