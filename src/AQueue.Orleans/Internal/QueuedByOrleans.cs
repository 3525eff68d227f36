using System.Diagnostics;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Orleans.Internal;

/// <summary>
/// Reports a call of a grain whose requests Orleans itself queues (the actor grain, the <c>[ReadOnly]</c> reader-writer
/// grain): its hold (the grain method's run on the activation), its outcome and its server span. Its wait is not
/// recorded: the request waited in the activation's own queue, where AQueue does not see it until its turn.
/// </summary>
internal static class QueuedByOrleans
{
    /// <summary>Runs <paramref name="run"/>, observed while something listens; a call past its deadline is logged.</summary>
    /// <remarks>While nothing listens, an untimed call is the grain method's own task: no wrapper, no allocation.</remarks>
    public static Task<TResult> RunAsync<TState, TResult>(
        OrleansDiagnostics diagnostics, ModelTelemetry telemetry, string model, long? deadline, TState state, Func<TState, Task<TResult>> run)
    {
        if (telemetry.Enabled)
        {
            return ObserveAsync(diagnostics, telemetry, model, deadline, state, run);
        }

        return deadline is null ? run(state) : LogTimeoutAsync(run(state), diagnostics, model, deadline);
    }

    // Grain code: no ConfigureAwait(false), so the operation's continuations stay on the activation's scheduler.
    private static async Task<TResult> LogTimeoutAsync<TResult>(Task<TResult> call, OrleansDiagnostics diagnostics, string model, long? deadline)
    {
        try
        {
            return await call;
        }
        catch (Exception exception) when (IsTimeout(exception, deadline))
        {
            Log.DeadlinePassed(diagnostics.Logger, model);
            throw;
        }
    }

    private static async Task<TResult> ObserveAsync<TState, TResult>(
        OrleansDiagnostics diagnostics, ModelTelemetry telemetry, string model, long? deadline, TState state, Func<TState, Task<TResult>> run)
    {
        Activity? activity = telemetry.StartActivity();
        long held = Stopwatch.GetTimestamp();
        CallOutcome outcome = CallOutcome.Completed;
        Exception? error = null;
        try
        {
            return await run(state);
        }
        catch (Exception exception)
        {
            outcome = IsTimeout(exception, deadline) ? CallOutcome.TimedOut : ModelTelemetry.Classify(exception, timed: false);
            error = exception;
            if (outcome == CallOutcome.TimedOut)
            {
                Log.DeadlinePassed(diagnostics.Logger, model);
            }

            throw;
        }
        finally
        {
            telemetry.Released(held);
            telemetry.Ended(outcome);
            ModelTelemetry.Stop(activity, outcome, error);
        }
    }

    /// <summary>Whether a timed call ended by its deadline: refused after it, or its operation cancelled at it. The silo's
    /// deadline timer may fire up to a tick of its coarse clock early (<see cref="RemoteDeadline.TimerEarlyTicks"/>), and
    /// the caller's own cancellation, sent when its timer fires, may beat it: within that window of the deadline a
    /// cancellation is the deadline's, as the caller counts it.</summary>
    private static bool IsTimeout(Exception exception, long? deadline) =>
        deadline is { } d && (exception is TimeoutException
            || (exception is OperationCanceledException && RemoteDeadline.HasPassed(d - RemoteDeadline.TimerEarlyTicks)));

    /// <summary>For a grain whose own queue runs the call (through the in-process runner, which reports it): a timed call
    /// that times out is logged.</summary>
    public static Task<TResult> LogTimeout<TResult>(ValueTask<TResult> call, OrleansDiagnostics diagnostics, string model)
    {
        return call.IsCompletedSuccessfully ? Task.FromResult(call.Result) : Await(call, diagnostics, model);

        static async Task<TResult> Await(ValueTask<TResult> call, OrleansDiagnostics diagnostics, string model)
        {
            try
            {
                return await call;
            }
            catch (TimeoutException)
            {
                Log.DeadlinePassed(diagnostics.Logger, model);
                throw;
            }
        }
    }
}
