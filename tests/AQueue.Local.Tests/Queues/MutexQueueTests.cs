using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Queues;

/// <summary><see cref="MutexQueue"/>: exclusive and strictly first come, first served.</summary>
public sealed class MutexQueueTests
{
    [Fact]
    public async Task IsHeld_and_counts_follow_the_closure()
    {
        var queue = new MutexQueue();
        Assert.False(queue.IsHeld);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task held = queue.RunAsync(async _ => await gate.Task.ConfigureAwait(false)).AsTask();
        Assert.True(queue.IsHeld);
        Task<int> queued = queue.RunAsync(_ => new ValueTask<int>(1)).AsTask();
        Assert.Equal(1, queue.WaitingCount);

        gate.SetResult();
        await held;
        Assert.Equal(1, await queued);
        Assert.False(queue.IsHeld);
        Assert.Equal(0, queue.WaitingCount);
    }

    [Fact]
    public async Task Callers_from_many_tasks_are_served_in_arrival_order()
    {
        // Arrival order is made certain by queueing each caller only after the previous one is queued.
        var queue = new MutexQueue();
        var probe = new ConcurrencyProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task first = queue.RunAsync(async _ => await gate.Task.ConfigureAwait(false)).AsTask();
        var callers = new List<Task>();
        for (int i = 0; i < 50; i++)
        {
            int id = i;
            callers.Add(Task.Run(async () => await queue.RunAsync(async _ =>
            {
                probe.Enter(id, exclusive: true);
                await Task.Yield();
                probe.Exit(id, exclusive: true);
            })));
            await Poll.UntilAsync(() => queue.WaitingCount == id + 1, $"caller {id} queues");
        }

        gate.SetResult();
        await Task.WhenAll(callers.Append(first));
        Assert.Equal(Enumerable.Range(0, 50), probe.StartOrder);
        Assert.Equal(1, probe.MaxConcurrent);
    }
}
