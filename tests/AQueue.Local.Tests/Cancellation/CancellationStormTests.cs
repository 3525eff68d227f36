using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Cancellation;

/// <summary>
/// 100,000 waiters cancelled while queued, from several threads at once, some one by one and some all
/// together: the queue ends empty (no node left behind), none of them ran, and the queue works as before.
/// </summary>
public sealed class CancellationStormTests
{
    private const int Workers = 4;
    private const int PerWorker = 25_000;

    [Theory]
    [MemberData(nameof(Subjects.All), MemberType = typeof(Subjects))]
    public async Task Storm_of_100000_cancelled_waiters_leaves_the_queue_empty_and_usable(string name)
    {
        Subject subject = Subjects.Create(name);
        Hold hold = await subject.HoldAsync();
        using var together = new CancellationTokenSource();
        int ran = 0;
        Func<CancellationToken, ValueTask<int>> body = _ =>
        {
            Interlocked.Increment(ref ran);
            return new ValueTask<int>(0);
        };

        Task<int>[][] calls = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() =>
        {
            var mine = new Task<int>[PerWorker];
            for (int i = 0; i < PerWorker; i++)
            {
                if (i % 2 == 0)
                {
                    // Cancelled on its own, at once, while the other workers enqueue and cancel beside it.
                    using var alone = new CancellationTokenSource();
                    mine[i] = subject.Run(body, alone.Token).AsTask();
                    alone.Cancel();
                }
                else
                {
                    mine[i] = subject.Run(body, together.Token).AsTask();
                }
            }

            return mine;
        })));

        Assert.Equal(Workers * PerWorker / 2, subject.WaitingCount());
        together.Cancel();
        Assert.Equal(0, subject.WaitingCount());

        Task<int>[] all = [.. calls.SelectMany(c => c)];
        await Task.WhenAll(all).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.All(all, call => Assert.True(call.IsCanceled));

        await hold.ReleaseAsync();
        Assert.Equal(0, Volatile.Read(ref ran));

        // Usable: free at once, and still FIFO under contention.
        Assert.Equal(1, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(1), CancellationToken.None)));
        var probe = new ConcurrencyProbe();
        Hold again = await subject.HoldAsync();
        var after = Enumerable.Range(0, 3).Select(i => subject.RunExclusive(
            _ =>
            {
                probe.Enter(i, exclusive: true);
                probe.Exit(i, exclusive: true);
                return new ValueTask<int>(i);
            },
            CancellationToken.None).AsTask()).ToArray();
        Assert.Equal(3, subject.WaitingCount());
        await again.ReleaseAsync();
        Assert.Equal(new[] { 0, 1, 2 }, await Task.WhenAll(after));
        Assert.Equal(new[] { 0, 1, 2 }, probe.StartOrder);
    }
}
