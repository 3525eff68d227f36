using System.Diagnostics;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Makes one call of a seeded load the way its caller gives up (<see cref="CallerMove"/>), and says what the caller was told, and when.</summary>
public static class CallerMoves
{
    /// <summary>How the adapter's timeout overloads word their <see cref="TimeoutException"/>.</summary>
    public const string AdapterTimeoutPrefix = "The call did not complete within";

    /// <summary>How Orleans words its own response timeout.</summary>
    public const string ResponseTimeoutPrefix = "Response did not arrive on time";

    /// <summary>
    /// Calls <paramref name="send"/> with a timeout (<see cref="CallerMove.TimesOut"/>: <paramref name="milliseconds"/>) or a
    /// token cancelled before the call (<see cref="CallerMove.CancelledBefore"/>) or <paramref name="milliseconds"/> after
    /// it (<see cref="CallerMove.CancelsAfter"/>), or neither (<see cref="CallerMove.Waits"/>). Never throws.
    /// </summary>
    public static async Task<Told<TResult>> MakeAsync<TResult>(
        CallerMove move, int milliseconds, Func<TimeSpan?, CancellationToken, ValueTask<TResult>> send)
    {
        using CancellationTokenSource? source = move is CallerMove.CancelsAfter or CallerMove.CancelledBefore ? new CancellationTokenSource() : null;
        TimeSpan? timeout = move == CallerMove.TimesOut ? TimeSpan.FromMilliseconds(milliseconds) : null;
        if (move == CallerMove.CancelledBefore)
        {
            source!.Cancel();
        }

        long sentAt = Stopwatch.GetTimestamp();
        // When the token fires, to measure how long a cancelled caller then waits for the silo's answer.
        var cancelledAt = new System.Runtime.CompilerServices.StrongBox<long>();
        try
        {
            if (move == CallerMove.CancelsAfter)
            {
                source!.Token.Register(static box => ((System.Runtime.CompilerServices.StrongBox<long>)box!).Value = Stopwatch.GetTimestamp(), cancelledAt);
                source.CancelAfter(milliseconds);
            }

            TResult result = await send(timeout, source?.Token ?? CancellationToken.None);
            long toldAt = Stopwatch.GetTimestamp();
            return new Told<TResult>(sentAt, toldAt, CallOutcome.Completed, result, null, null, source?.IsCancellationRequested ?? false, cancelledAt.Value);
        }
        catch (Exception exception)
        {
            long toldAt = Stopwatch.GetTimestamp();
            return new Told<TResult>(
                sentAt, toldAt, Classify(exception), default, exception.GetType().Name, Brief(exception), source?.IsCancellationRequested ?? false,
                cancelledAt.Value);
        }
    }

    /// <summary>What a caller told <paramref name="exception"/> was told.</summary>
    public static CallOutcome Classify(Exception exception) => exception switch
    {
        OperationCanceledException => CallOutcome.Cancelled,
        TimeoutException when exception.Message.StartsWith(AdapterTimeoutPrefix, StringComparison.Ordinal) => CallOutcome.TimedOut,
        TimeoutException when exception.Message.StartsWith(ResponseTimeoutPrefix, StringComparison.Ordinal) => CallOutcome.ResponseTimeout,
        _ => CallOutcome.Failed,
    };

    /// <summary>The start of <paramref name="exception"/>'s message, for a report.</summary>
    public static string Brief(Exception exception) =>
        exception.Message.Length <= 200 ? exception.Message : exception.Message[..200] + "...";
}
