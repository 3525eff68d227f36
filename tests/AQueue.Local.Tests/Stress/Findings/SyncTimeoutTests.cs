using Xunit;

namespace AQueue.Local.Tests.Stress.Findings;

/// <summary>
/// Found by the storm (a plain thread's timed RwModel.CallMut / RwQueue.Write saw OperationCanceledException
/// though it passed no token). A blocking call that times out while queued throws
/// <see cref="OperationCanceledException"/> instead of <see cref="TimeoutException"/>: in RwLock.Enter (and
/// PermitLock.Enter) the timed-out waiter is removed with <c>TryCancel</c>, which marks it cancelled, and then
/// <c>waiter.ThrowIfCancelled()</c> throws as if the token had been cancelled.
/// </summary>
public sealed class SyncTimeoutTests
{
    public static TheoryData<string> Calls => ["RwModel.Call", "RwModel.CallMut", "RwModel.CallMut(Action)", "RwQueue.Read", "RwQueue.Write"];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Sync_call_timing_out_while_queued_throws_TimeoutException_and_never_runs(string call)
    {
        var model = new RwModel<int>(0);
        var queue = new RwQueue();
        var release = new TaskCompletionSource();
        // Hold the write side so that every call below has to queue.
        Task holdModel = model.CallMutAsync(async _ => await release.Task).AsTask();
        Task<int> holdQueue = queue.WriteAsync(async _ => { await release.Task; return 0; }).AsTask();
        bool ran = false;
        TimeSpan timeout = TimeSpan.FromMilliseconds(100);
        Action blocking = call switch
        {
            "RwModel.Call" => () => model.Call(s => ran = true, timeout),
            "RwModel.CallMut" => () => model.CallMut(s => ran = true, timeout),
            "RwModel.CallMut(Action)" => () => model.CallMut(s => { ran = true; }, timeout),
            "RwQueue.Read" => () => queue.Read(() => ran = true, timeout),
            "RwQueue.Write" => () => queue.Write(() => ran = true, timeout),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };

        Exception? seen = await Task.Run(() => Record.Exception(blocking));

        release.SetResult();
        await holdModel;
        await holdQueue;
        Assert.False(ran);
        Assert.IsType<TimeoutException>(seen);
        Assert.Equal(0, model.WaitingCount);
        Assert.Equal(0, queue.WaitingCount);
    }
}
