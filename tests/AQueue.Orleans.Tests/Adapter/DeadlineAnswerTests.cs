using System.Diagnostics;
using AQueue.Orleans.Internal;
using Orleans.Runtime;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// A timed call whose silo answers for the deadline before the caller's own timer fires (a loaded machine runs timers
/// late; the storm of issue 12 saw it in every run): the silo refused to start the operation, or the operation ended on
/// its token, which the silo cancels at the deadline. The caller must be told what its timer tells, the adapter's
/// <see cref="TimeoutException"/>, and never before the deadline: before the fix it was told
/// <see cref="OperationCanceledException"/> (a timed call it never cancelled), or the silo's own TimeoutException, up to a
/// timer's tick early. The silo's answer is simulated by a call that returns it as the deadline comes, before the
/// caller's timer is even set, so the race always goes the silo's way.
/// </summary>
public sealed class DeadlineAnswerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    private static readonly CallSite Site =
        new(ModelKind.Actor, "deadline-answer", typeof(long), typeof(DeadlineAnswerTests), typeof(IWriteOperation<long, long>));

    [Fact]
    public async Task An_operation_ended_on_its_deadline_cancelled_token_is_told_as_the_callers_own_timeout_at_the_deadline()
    {
        // The silo cancels the running operation's token 3 ms early, as a timer counting a 4 ms clock may fire (seen in the
        // storm's soak: callers told OperationCanceledException 1.6-2 ms before their deadline).
        (Exception told, long toldAt, long deadline) = await CallAsync(TimeSpan.FromMilliseconds(-3), () => new OperationCanceledException());

        Assert.IsType<TimeoutException>(told);
        Assert.Equal($"The call did not complete within {Timeout}.", told.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(told.InnerException);
        Assert.True(toldAt >= deadline, $"Told {TimeSpan.FromTicks(deadline - toldAt).TotalMilliseconds:F3} ms before the deadline.");
    }

    [Fact]
    public async Task The_silos_refusal_to_start_after_the_deadline_is_told_as_the_callers_own_timeout()
    {
        (Exception told, long toldAt, long deadline) = await CallAsync(
            TimeSpan.FromMilliseconds(0.2), () => new TimeoutException("The caller's deadline passed before the operation could start; it did not run."));

        Assert.IsType<TimeoutException>(told);
        Assert.Equal($"The call did not complete within {Timeout}.", told.Message);
        Assert.True(toldAt >= deadline);
    }

    [Fact]
    public async Task An_operations_own_cancellation_well_before_the_deadline_reaches_the_caller_unchanged()
    {
        var own = new OperationCanceledException("The operation's own HTTP request timed out.");
        (Exception told, _, _) = await CallAsync(-Timeout / 2, () => own);

        Assert.Same(own, told);
    }

    [Fact]
    public async Task A_callers_own_cancellation_at_the_deadline_reaches_it_as_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        (Exception told, _, _) = await CallAsync(TimeSpan.FromMilliseconds(0.2), () =>
        {
            cancel.Cancel();
            return new OperationCanceledException(cancel.Token);
        }, cancel.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(told);
    }

    /// <summary>
    /// Makes a timed call whose "silo" answers <paramref name="answer"/> at <paramref name="fromDeadline"/> from the
    /// deadline the request carries: the call blocks until then and returns the failed task, so the answer is there
    /// before the caller awaits it.
    /// </summary>
    private static async Task<(Exception Told, long ToldAt, long Deadline)> CallAsync(
        TimeSpan fromDeadline, Func<Exception> answer, CancellationToken cancellationToken = default)
    {
        long deadline = 0;
        Task<long> Silo(int state, CancellationToken token)
        {
            deadline = (long)RequestContext.Get(RemoteDeadline.Key)!;
            long answerAt = deadline + fromDeadline.Ticks;
            while (DateTime.UtcNow.Ticks < answerAt)
            {
                Thread.SpinWait(20);
            }

            return Task.FromException<long>(answer());
        }

        var clock = Stopwatch.StartNew();
        Exception told = await Assert.ThrowsAnyAsync<Exception>(() => RemoteCall.RunAsync(Silo, 0, Site, Timeout, cancellationToken).AsTask());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        return (told, DateTime.UtcNow.Ticks, deadline);
    }
}
