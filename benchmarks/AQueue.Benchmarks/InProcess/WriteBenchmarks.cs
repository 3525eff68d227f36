using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AQueue.Benchmarks.InProcess;

/// <summary>
/// Writes through a reader-writer lock: <see cref="RwModel{T}.CallMutAsync(Func{RefMutInner{T}, ValueTask}, CancellationToken)"/>
/// against the async reader-writer locks a user would pick instead, <see cref="System.Threading.SemaphoreSlim"/>
/// (what many use for writes anyway), and <see cref="ReaderWriterLockSlim"/> and <c>lock</c> as synchronous floors.
/// Tasks = 1 is the seed's <c>single_task_model_call</c>, 2 its <c>multi_task_model_call</c>, 4 the contended case.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("write")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WriteBenchmarks
{
    private readonly RwModel<long> _model = new(0);
    private readonly SemaphoreSlim _semaphoreSlim = new(1, 1);
    private readonly Nito.AsyncEx.AsyncReaderWriterLock _nitoLock = new();
    private readonly DotNext.Threading.AsyncReaderWriterLock _dotNextLock = new();
    private readonly ReaderWriterLockSlim _rwSlim = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _lock = new();
    private long _value;

    [Params(1, 2, 4)]
    public int Tasks { get; set; }

    [GlobalCleanup]
    public void Cleanup() => _rwSlim.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "RwModel.CallMutAsync")]
    public Task RwModel() => Workload.Concurrently(Tasks, ModelLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "SemaphoreSlim(1,1)")]
    public Task SemaphoreSlim() => Workload.Concurrently(Tasks, SemaphoreSlimLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Nito AsyncReaderWriterLock (write)")]
    public Task NitoAsyncReaderWriterLock() => Workload.Concurrently(Tasks, NitoLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "DotNext AsyncReaderWriterLock (write)")]
    public Task DotNextAsyncReaderWriterLock() => Workload.Concurrently(Tasks, DotNextLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "ReaderWriterLockSlim (sync floor)")]
    public Task ReaderWriterLockSlim() => Workload.Concurrently(Tasks, RwSlimLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "lock (sync floor)")]
    public Task LockStatement() => Workload.Concurrently(Tasks, LockLoop);

    private async Task ModelLoop(int calls)
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

    private async Task NitoLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            using (await _nitoLock.WriterLockAsync())
            {
                _value++;
            }
        }
    }

    private async Task DotNextLoop(int calls)
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

    private void RwSlimLoop(int calls)
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
