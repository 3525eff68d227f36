using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AQueue.Benchmarks.InProcess;

/// <summary>
/// Exclusive access: <see cref="Actor{T}.InnerCallAsync(Func{InnerStore{T}, ValueTask}, CancellationToken)"/>
/// against the async mutexes a user would pick instead, and the <c>lock</c> statement as the floor.
/// Tasks = 1 is the seed's <c>single_task_actor_call</c>, 2 its <c>multi_task_actor_call</c>, 4 the
/// contended case. Every row increments one <see cref="long"/> under the lock; the work completes synchronously.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("exclusive")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ExclusiveBenchmarks
{
    private readonly Actor<long> _actor = new(0);
    private readonly SemaphoreSlim _semaphoreSlim = new(1, 1);
    private readonly Nito.AsyncEx.AsyncLock _nitoLock = new();
    private readonly Nito.AsyncEx.AsyncSemaphore _nitoSemaphore = new(1);
    private readonly DotNext.Threading.AsyncExclusiveLock _dotNextLock = new();
    private readonly Lock _lock = new();
    private long _value;

    [Params(1, 2, 4)]
    public int Tasks { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "Actor.InnerCallAsync")]
    public Task Actor() => Workload.Concurrently(Tasks, ActorLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "SemaphoreSlim(1,1)")]
    public Task SemaphoreSlim() => Workload.Concurrently(Tasks, SemaphoreSlimLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Nito AsyncLock")]
    public Task NitoAsyncLock() => Workload.Concurrently(Tasks, NitoLockLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Nito AsyncSemaphore(1)")]
    public Task NitoAsyncSemaphore() => Workload.Concurrently(Tasks, NitoSemaphoreLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "DotNext AsyncExclusiveLock")]
    public Task DotNextAsyncExclusiveLock() => Workload.Concurrently(Tasks, DotNextLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "lock (sync floor)")]
    public Task LockStatement() => Workload.Concurrently(Tasks, LockLoop);

    private async Task ActorLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _actor.InnerCallAsync(static s =>
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

    private async Task NitoLockLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            using (await _nitoLock.LockAsync())
            {
                _value++;
            }
        }
    }

    private async Task NitoSemaphoreLoop(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            await _nitoSemaphore.WaitAsync();
            try
            {
                _value++;
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
            await _dotNextLock.AcquireAsync(CancellationToken.None);
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
