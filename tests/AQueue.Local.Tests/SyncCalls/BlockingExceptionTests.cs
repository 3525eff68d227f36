using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.SyncCalls;

/// <summary>A blocking call whose closure throws releases the lock, and its caller gets the very same exception.</summary>
public sealed class BlockingExceptionTests
{
    [Theory]
    [MemberData(nameof(Subjects.WithSync), MemberType = typeof(Subjects))]
    public async Task Throwing_closure_in_a_blocking_call_releases_the_lock_and_rethrows_the_same_exception(string name)
    {
        Subject subject = Subjects.Create(name);
        var boom = new InvalidOperationException("boom");

        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => subject.RunSync!(() => throw boom, Timeout.InfiniteTimeSpan, CancellationToken.None)));
        Assert.Equal(1, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(1), CancellationToken.None)));

        // Contended: the blocking caller queues behind a holder, then throws once in.
        Hold hold = await subject.HoldAsync();
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                subject.RunSync!(() => throw boom, Timeout.InfiniteTimeSpan, CancellationToken.None);
            }
            catch (Exception ex)
            {
                thrown = ex;
            }
        });
        thread.Start();
        await Poll.UntilAsync(() => subject.WaitingCount() == 1, "the blocking caller queues");
        await hold.ReleaseAsync();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)));
        Assert.Same(boom, thrown);
        Assert.Equal(2, Completed.Result(subject.RunExclusive(_ => new ValueTask<int>(2), CancellationToken.None)));
    }
}
