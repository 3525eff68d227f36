using AQueue.Local.Tests.Stress.Targets;
using Xunit;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// A model called from inside one of its own calls, on every model and queue, through every call shape: the
/// inner call fails at once with <see cref="ModelReentrancyException"/> (instead of deadlocking), the outer
/// caller sees it, and the model is free and serves the next call.
/// </summary>
public sealed class ReentrancyTests
{
    public static TheoryData<string> Cases =>
    [
        "Actor async after await", "Actor async before await", "Actor operation",
        "RwModel read->write", "RwModel write->read", "RwModel read->read", "RwModel sync Call->CallMut", "RwModel async write->sync Call",
        "RwModel sync CallMut->async read", "RwModel operation",
        "PCModel async", "PCModel operation",
        "MutexQueue", "SemaphoreQueue", "RwQueue read->write", "RwQueue sync Write->Read",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reentry_fails_at_once_with_a_named_exception_and_the_model_serves_on(string name)
    {
        var actor = new Actor<int>(0);
        var rwModel = new RwModel<int>(0);
        var pcModel = new PCModel<int[]>(new int[1], 2);
        var mutex = new MutexQueue();
        var semaphore = new SemaphoreQueue(2);
        var rwQueue = new RwQueue();
        IActor<int> actorContract = actor;
        IRwModel<int> rwContract = rwModel;
        IPCModel<int[]> pcContract = pcModel;

        Func<Task> reenter = name switch
        {
            "Actor async after await" => () => actor.InnerCallAsync(async s =>
            {
                await Task.Yield();
                await actor.InnerCallAsync(t => { t.Value++; return ValueTask.CompletedTask; });
            }).AsTask(),
            "Actor async before await" => () => actor.InnerCallAsync(s => actor.InnerCallAsync(t => { t.Value++; return ValueTask.CompletedTask; })).AsTask(),
            "Actor operation" => () => actorContract.InnerCallAsync(new DelegateWriteOperation<int, int>(async (s, ct) =>
                await actorContract.InnerCallAsync(new DelegateWriteOperation<int, int>((t, _) => ValueTask.FromResult(++t.Value)), ct))).AsTask(),
            "RwModel read->write" => () => rwModel.CallAsync(async s =>
            {
                await Task.Yield();
                return await rwModel.CallMutAsync(t => ValueTask.FromResult(++t.Value));
            }).AsTask(),
            "RwModel write->read" => () => rwModel.CallMutAsync(async s =>
            {
                await Task.Yield();
                return await rwModel.CallAsync(t => ValueTask.FromResult(t.Value));
            }).AsTask(),
            "RwModel read->read" => () => rwModel.CallAsync(async s => await rwModel.CallAsync(t => ValueTask.FromResult(t.Value))).AsTask(),
            "RwModel sync Call->CallMut" => () => Task.Run(() => rwModel.Call(s => rwModel.CallMut(t => ++t.Value))),
            "RwModel async write->sync Call" => () => rwModel.CallMutAsync(async s =>
            {
                await Task.Yield();
                return rwModel.Call(t => t.Value);
            }).AsTask(),
            "RwModel sync CallMut->async read" => () => Task.Run(() => rwModel.CallMut(s => rwModel.CallAsync(t => ValueTask.FromResult(t.Value)).AsTask().IsCompleted)),
            "RwModel operation" => () => rwContract.CallMutAsync(new DelegateWriteOperation<int, int>(async (s, ct) =>
                await rwContract.CallAsync(new DelegateReadOperation<int, int>((t, _) => ValueTask.FromResult(t.Value)), ct))).AsTask(),
            "PCModel async" => () => pcModel.CallAsync(async s =>
            {
                await Task.Yield();
                await pcModel.CallAsync(t => { Interlocked.Increment(ref t.Value[0]); return ValueTask.CompletedTask; });
            }).AsTask(),
            "PCModel operation" => () => pcContract.CallAsync(new DelegateReadOperation<int[], int>(async (s, ct) =>
                await pcContract.CallAsync(new DelegateReadOperation<int[], int>((t, _) => ValueTask.FromResult(t.Value[0])), ct))).AsTask(),
            "MutexQueue" => () => mutex.RunAsync(async ct => await mutex.RunAsync(_ => ValueTask.FromResult(1), ct)).AsTask(),
            "SemaphoreQueue" => () => semaphore.RunAsync(async ct => await semaphore.RunAsync(_ => ValueTask.FromResult(1), ct)).AsTask(),
            "RwQueue read->write" => () => rwQueue.ReadAsync(async ct => await rwQueue.WriteAsync(_ => ValueTask.FromResult(1), ct)).AsTask(),
            "RwQueue sync Write->Read" => () => Task.Run(() => rwQueue.Write(() => rwQueue.Read(() => 1))),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var exception = await Assert.ThrowsAsync<ModelReentrancyException>(reenter);
        Assert.Contains("inside one of its own calls", exception.Message);

        // The outer call released the model: nothing held, nobody waiting, and a new call runs.
        string owner = name.Split(' ')[0];
        switch (owner)
        {
            case "Actor":
                Assert.Null(LockInspector.Busy(LockInspector.QueueOf<MutexQueue>(actor)));
                await actor.InnerCallAsync(s => { s.Value += 10; return ValueTask.CompletedTask; });
                Assert.Equal(10, actor.DangerousGetInner());
                break;
            case "RwModel":
                Assert.Null(LockInspector.Busy(LockInspector.QueueOf<RwQueue>(rwModel)));
                rwModel.CallMut(s => { s.Value += 10; });
                Assert.Equal(10, await rwModel.CallAsync(s => ValueTask.FromResult(s.Value)));
                break;
            case "PCModel":
                Assert.Null(LockInspector.Busy(LockInspector.QueueOf<SemaphoreQueue>(pcModel)));
                Assert.Equal(0, await pcModel.CallAsync(s => ValueTask.FromResult(s.Value[0])));
                break;
            case "MutexQueue":
                Assert.Null(LockInspector.Busy(mutex));
                Assert.Equal(2, await mutex.RunAsync(_ => ValueTask.FromResult(2)));
                break;
            case "SemaphoreQueue":
                Assert.Null(LockInspector.Busy(semaphore));
                Assert.Equal(2, await semaphore.RunAsync(_ => ValueTask.FromResult(2)));
                break;
            case "RwQueue":
                Assert.Null(LockInspector.Busy(rwQueue));
                Assert.Equal(2, rwQueue.Write(() => 2));
                break;
        }
    }

    [Fact]
    public async Task Calling_another_model_from_inside_a_call_is_fine()
    {
        var first = new Actor<int>(0);
        var second = new RwModel<int>(0);
        await first.InnerCallAsync(async s =>
        {
            await Task.Yield();
            int written = await second.CallMutAsync(t => ValueTask.FromResult(++t.Value));
            s.Value = written + second.Call(t => t.Value);
        });
        Assert.Equal(2, first.DangerousGetInner());
    }
}
