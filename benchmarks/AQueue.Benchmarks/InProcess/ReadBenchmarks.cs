using AQueue.Benchmarks.Infrastructure;
using AQueue.Local;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AQueue.Benchmarks.InProcess;

/// <summary>
/// Shared reads only: <see cref="RwModel{T}.CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, CancellationToken)"/>
/// against the read side of the other reader-writer locks. Every row reads one <see cref="long"/> and adds
/// it to a per-task sum. The Rust crate's <c>RwModel::call</c>: 31 million calls/s on one task, 50 million on four.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("read")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ReadBenchmarks
{
    private readonly RwModel<long> _model = new(1);
    private readonly Nito.AsyncEx.AsyncReaderWriterLock _nitoLock = new();
    private readonly DotNext.Threading.AsyncReaderWriterLock _dotNextLock = new();
    private readonly ReaderWriterLockSlim _rwSlim = new(LockRecursionPolicy.NoRecursion);
    private long _value = 1;
    private long _sink;

    [Params(1, 4)]
    public int Tasks { get; set; }

    [GlobalCleanup]
    public void Cleanup() => _rwSlim.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.Calls, Description = "RwModel.CallAsync")]
    public Task RwModel() => Workload.Concurrently(Tasks, ModelLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "Nito AsyncReaderWriterLock (read)")]
    public Task NitoAsyncReaderWriterLock() => Workload.Concurrently(Tasks, NitoLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "DotNext AsyncReaderWriterLock (read)")]
    public Task DotNextAsyncReaderWriterLock() => Workload.Concurrently(Tasks, DotNextLoop);

    [Benchmark(OperationsPerInvoke = Workload.Calls, Description = "ReaderWriterLockSlim (sync floor)")]
    public Task ReaderWriterLockSlim() => Workload.Concurrently(Tasks, RwSlimLoop);

    private async Task ModelLoop(int calls)
    {
        long sum = 0;
        for (int i = 0; i < calls; i++)
        {
            sum += await _model.CallAsync(static s => new ValueTask<long>(s.Value));
        }

        Volatile.Write(ref _sink, sum);
    }

    private async Task NitoLoop(int calls)
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

    private async Task DotNextLoop(int calls)
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

    private void RwSlimLoop(int calls)
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
}
