using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DotNext.Threading;

namespace AQueue.Benchmarks.InProcess;

/// <summary>
/// Bounded concurrency, <see cref="Permits"/> at once: <see cref="PCModel{T}"/> and the raw
/// <see cref="SemaphoreQueue"/> against the async semaphores a user would pick instead. Closures may run
/// together, so every row increments a shared counter with <see cref="Interlocked.Increment(ref long)"/>.
/// The Rust crate's <c>PCModel::call</c>: 31 million calls/s.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("permits")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PermitBenchmarks
{
    private const int Permits = 2;

    private readonly Counter _counter = new();
    private readonly PCModel<Counter> _model;
    private readonly SemaphoreQueue _queue = new(Permits);
    private readonly SemaphoreSlim _semaphoreSlim = new(Permits, Permits);
    private readonly Nito.AsyncEx.AsyncSemaphore _nitoSemaphore = new(Permits);
    private readonly AsyncSharedLock _dotNextLock = new(Permits);

    // Built once: a lambda that captures the counter would allocate a delegate per call.
    private readonly Func<CancellationToken, ValueTask> _queueIncrement;

    public PermitBenchmarks()
    {
        _model = new PCModel<Counter>(_counter, Permits);
        Counter counter = _counter;
        _queueIncrement = _ =>
        {
            Interlocked.Increment(ref counter.Count);
            return ValueTask.CompletedTask;
        };
    }

    [Params(1, 4)]
    public int Tasks { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "PCModel.CallAsync")]
    public Task PCModel() => Workload.Concurrently(Tasks, ModelLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "SemaphoreQueue.RunAsync")]
    public Task SemaphoreQueue() => Workload.Concurrently(Tasks, QueueLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "SemaphoreSlim(2,2)")]
    public Task SemaphoreSlim() => Workload.Concurrently(Tasks, SemaphoreSlimLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Nito AsyncSemaphore(2)")]
    public Task NitoAsyncSemaphore() => Workload.Concurrently(Tasks, NitoLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "DotNext AsyncSharedLock(2) (weak)")]
    public Task DotNextAsyncSharedLock() => Workload.Concurrently(Tasks, DotNextLoop);

    private async Task ModelLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _model.CallAsync(static s =>
            {
                Interlocked.Increment(ref s.Value.Count);
                return ValueTask.CompletedTask;
            });
        }
    }

    private async Task QueueLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _queue.RunAsync(_queueIncrement);
        }
    }

    private async Task SemaphoreSlimLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _semaphoreSlim.WaitAsync();
            try
            {
                Interlocked.Increment(ref _counter.Count);
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
            await _nitoSemaphore.WaitAsync();
            try
            {
                Interlocked.Increment(ref _counter.Count);
            }
            finally
            {
                _nitoSemaphore.Release();
            }
        }
    }

    private async Task DotNextLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _dotNextLock.AcquireAsync(false, CancellationToken.None);
            try
            {
                Interlocked.Increment(ref _counter.Count);
            }
            finally
            {
                _dotNextLock.Release();
            }
        }
    }
}
