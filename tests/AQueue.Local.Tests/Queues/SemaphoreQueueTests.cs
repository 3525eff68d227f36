using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Queues;

/// <summary><see cref="SemaphoreQueue"/>: at most n at once, FIFO, direct hand-off.</summary>
public sealed class SemaphoreQueueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task The_bound_is_reached_and_never_passed(int n)
    {
        var queue = new SemaphoreQueue(n);
        var probe = new ConcurrencyProbe();

        await Task.WhenAll(Enumerable.Range(0, 4 * n + 4).Select(i => Task.Run(async () =>
        {
            for (int j = 0; j < 10; j++)
            {
                await queue.RunAsync(async _ =>
                {
                    probe.Enter(i);
                    await Task.Delay(1).ConfigureAwait(false);
                    probe.Exit(i);
                });
            }
        })));

        Assert.Equal(n, probe.MaxConcurrent);
        Assert.Equal(n, queue.CurrentCount);
        Assert.Equal(0, queue.WaitingCount);
    }

    [Fact]
    public async Task A_freed_permit_goes_to_the_oldest_waiter_not_to_a_newcomer()
    {
        var queue = new SemaphoreQueue(2);
        var probe = new ConcurrencyProbe();
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        Func<int, Func<CancellationToken, ValueTask>> body = id => async _ =>
        {
            probe.Enter(id);
            await gates[id].Task.ConfigureAwait(false);
            probe.Exit(id);
        };

        Task h0 = queue.RunAsync(body(0)).AsTask();
        Task h1 = queue.RunAsync(body(1)).AsTask();
        Task w2 = queue.RunAsync(body(2)).AsTask();
        gates[0].SetResult();
        await h0;
        // The permit was handed to waiter 2 directly: a newcomer finds none free and queues.
        Task w3 = queue.RunAsync(body(3)).AsTask();
        Assert.Equal(1, queue.WaitingCount);
        Assert.Equal(0, queue.CurrentCount);
        await Poll.UntilAsync(() => probe.Started(2), "waiter 2 starts");

        foreach (var gate in gates)
        {
            gate.TrySetResult();
        }

        await Task.WhenAll(h1, w2, w3);
        Assert.Equal(new[] { 0, 1, 2, 3 }, probe.StartOrder);
        Assert.Equal(2, queue.CurrentCount);
    }
}
