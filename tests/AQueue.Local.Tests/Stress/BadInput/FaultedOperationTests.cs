using AQueue.Local.Tests.Stress.Targets;
using Xunit;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// Closures and operations that fail: a faulted ValueTask, a synchronous throw, an async throw, and an
/// OperationCanceledException of the operation's own. The caller sees the very exception (never a
/// TimeoutException, never a wrapper), with or without a timeout, and the model is released and unchanged.
/// </summary>
public sealed class FaultedOperationTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string model in new[] { "Actor", "RwModel write", "RwModel read", "PCModel" })
        {
            foreach (string shape in new[] { "faulted ValueTask", "sync throw", "async throw", "own cancellation" })
            {
                data.Add(model, shape, false);
                data.Add(model, shape, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Failure_reaches_the_caller_unchanged_and_the_model_is_released(string model, string shape, bool timed)
    {
        var actor = new Actor<int>(5);
        var rwModel = new RwModel<int>(5);
        var pcModel = new PCModel<int>(5, 2);
        Exception failure = shape == "own cancellation" ? new OperationCanceledException("the operation gave up by itself") : new FormatException("bad data");

        async ValueTask<int> Fail<TView>(TView view, CancellationToken cancellationToken)
        {
            switch (shape)
            {
                case "faulted ValueTask":
                    return await ValueTask.FromException<int>(failure);
                case "async throw":
                    await Task.Yield();
                    throw failure;
                default:
                    throw failure;
            }
        }

        // "sync throw" and "own cancellation" throw before any task exists; "faulted ValueTask" returns one.
        ValueTask<int> Body<TView>(TView view, CancellationToken cancellationToken) =>
            shape is "sync throw" or "own cancellation" ? throw failure : Fail(view, cancellationToken);

        TimeSpan timeout = timed ? TimeSpan.FromSeconds(5) : Timeout.InfiniteTimeSpan;
        Func<Task> call = model switch
        {
            "Actor" => () => ((IActor<int>)actor).InnerCallAsync(new DelegateWriteOperation<int, int>((s, ct) => { s.Value = -1; return Body(s, ct); }), timeout).AsTask(),
            "RwModel write" => () => ((IRwModel<int>)rwModel).CallMutAsync(new DelegateWriteOperation<int, int>(Body), timeout).AsTask(),
            "RwModel read" => () => ((IRwModel<int>)rwModel).CallAsync(new DelegateReadOperation<int, int>(Body), timeout).AsTask(),
            "PCModel" => () => ((IPCModel<int>)pcModel).CallAsync(new DelegateReadOperation<int, int>(Body), timeout).AsTask(),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };

        Exception seen = await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.Same(failure, seen);

        switch (model)
        {
            case "Actor":
                Assert.Null(LockInspector.Busy(LockInspector.QueueOf<MutexQueue>(actor)));
                // A closure that changed the state before it threw keeps its change: the lock does not roll back.
                Assert.Equal(-1, await actor.InnerCallAsync(s => ValueTask.FromResult(s.Value)));
                break;
            case "RwModel write":
            case "RwModel read":
                Assert.Null(LockInspector.Busy(LockInspector.QueueOf<RwQueue>(rwModel)));
                Assert.Equal(6, await rwModel.CallMutAsync(s => ValueTask.FromResult(++s.Value)));
                break;
            case "PCModel":
                Assert.Null(LockInspector.Busy(LockInspector.QueueOf<SemaphoreQueue>(pcModel)));
                Assert.Equal(5, await pcModel.CallAsync(s => ValueTask.FromResult(s.Value)));
                break;
        }
    }
}
