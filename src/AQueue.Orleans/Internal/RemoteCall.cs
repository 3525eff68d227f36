using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Orleans.Internal;

/// <summary>
/// What every proxy does around a grain call: reject what cannot cross the wire before sending anything, apply the
/// caller's deadline, and turn Orleans' serializer failures into errors that say what to do.
/// </summary>
internal static class RemoteCall
{
    /// <summary>Throws when <paramref name="operation"/> is null or can only run in-process.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is null.</exception>
    /// <exception cref="NotSupportedException"><paramref name="operation"/> wraps a delegate.</exception>
    public static void Validate(object? operation, Type operationInterface)
    {
        if (operation is null or ILocalOnlyOperation)
        {
            ThrowUnsendable(operation, operationInterface);
        }
    }

    [DoesNotReturn]
    private static void ThrowUnsendable(object? operation, Type operationInterface)
    {
        ArgumentNullException.ThrowIfNull(operation);
        throw new NotSupportedException(
            $"{operation.GetType().Name} wraps a delegate, and a delegate cannot be sent to an Orleans silo. " +
            $"Write the operation as a small [GenerateSerializer] type that implements {SerializationErrors.Describe(operationInterface)} " +
            "(its fields marked [Id(n)]), or use the in-process backend (services.AddAQueueLocal).");
    }

    /// <summary>
    /// Whether a call can go straight to the grain, its task the caller's: nothing listens to AQueue's spans, the call
    /// is made from outside any operation (no chain to check or send), and an operation of its type has been answered
    /// before (its serializers work both ways, so there is no serializer failure to explain).
    /// </summary>
    public static bool IsPlain(ModelTelemetry? telemetry, Type operationType) =>
        (telemetry is null || !ModelTelemetry.Source.HasListeners()) && CallChain.Current is null && SentOperationTypes.WereAnswered(operationType);

    /// <summary>
    /// Makes the call with the caller's token, which Orleans carries to the silo. The silos and clients that AQueue is
    /// added to wait for the callee to acknowledge a cancellation (<c>WaitForCancellationAcknowledgement</c>), so a
    /// cancelled caller is told <see cref="OperationCanceledException"/> only once the silo has dropped the queued
    /// request or the operation has ended so; an operation already running when the cancellation arrived ends as it
    /// ends, and the caller gets that outcome.
    /// </summary>
    /// <exception cref="ModelReentrancyException">Called from inside an operation of the same model, directly or through
    /// other models' operations.</exception>
    public static ValueTask<TResult> RunAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, CancellationToken cancellationToken)
    {
        if (IsPlain(site.Telemetry, site.OperationType))
        {
            // The grain call's own task: no wrapper.
            return new ValueTask<TResult>(call(state, cancellationToken));
        }

        return site.Telemetry is not null && ModelTelemetry.Source.HasListeners()
            ? RunTracedAsync(call, state, site, Timeout.InfiniteTimeSpan, cancellationToken)
            : RunExplainedAsync(call, state, site, cancellationToken);
    }

    private static async ValueTask<TResult> RunExplainedAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, CancellationToken cancellationToken)
    {
        try
        {
            TResult result = await Send(call, state, site, deadline: null, cancellationToken).ConfigureAwait(false);
            SentOperationTypes.Answered(site.OperationType);
            return result;
        }
        catch (Exception exception) when (SerializationErrors.TryExplain(exception, site, out Exception? explained))
        {
            throw explained;
        }
    }

    /// <summary>
    /// Makes the call with its deadline in the request: the caller gets <see cref="TimeoutException"/> at the deadline;
    /// the silo never starts the operation after it, and cancels a running operation's token at it (the operation keeps
    /// the model until it returns). The caller's own token is carried as in the untimed call.
    /// </summary>
    public static ValueTask<TResult> RunAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (CallDeadline.IsInfinite(timeout))
        {
            return RunAsync(call, state, site, cancellationToken);
        }

        if (site.Telemetry is not null && ModelTelemetry.Source.HasListeners())
        {
            return RunTracedAsync(call, state, site, timeout, cancellationToken);
        }

        return RunTimed(call, state, site, timeout, cancellationToken);
    }

    private static ValueTask<TResult> RunTimed<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (timeout == TimeSpan.Zero)
        {
            // As in-process: a deadline that has already passed times the call out without running it.
            return ValueTask.FromException<TResult>(CallDeadline.Expired(timeout));
        }

        return RunWithDeadlineAsync(call, state, site, timeout, cancellationToken);
    }

    /// <summary>
    /// The call inside a client span (while something listens to AQueue's activity source): the span covers the whole
    /// remote call, and its context travels in the request (<see cref="OrleansDiagnostics.TraceParentKey"/>), so the
    /// silo's span of the same call is its child.
    /// </summary>
    private static async ValueTask<TResult> RunTracedAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool infinite = CallDeadline.IsInfinite(timeout);
        Activity? activity = site.Telemetry!.StartActivity(site.Key, ActivityKind.Client);
        CallOutcome outcome = CallOutcome.Completed;
        Exception? error = null;
        try
        {
            return infinite
                ? await RunExplainedAsync(call, state, site, cancellationToken).ConfigureAwait(false)
                : await RunTimed(call, state, site, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            outcome = ModelTelemetry.Classify(exception, timed: !infinite);
            error = exception;
            throw;
        }
        finally
        {
            ModelTelemetry.Stop(activity, outcome, error);
        }
    }

    private static async ValueTask<TResult> RunWithDeadlineAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The deadline travels with the request: the silo never starts the operation after it, wherever the request
        // waits (Orleans' queue, the grain's own queue, a new activation after a graceful stop). So the caller can be
        // answered at the deadline itself, without waiting for the silo to agree.
        long deadline = RemoteDeadline.From(timeout);
        using CancellationTokenSource cancel = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        Task<TResult>? sent = null;
        try
        {
            sent = Send(call, state, site, deadline, cancel.Token);
            return await sent.WaitAsync(RemoteDeadline.AnswerAfter(timeout)).ConfigureAwait(false);
        }
        catch (TimeoutException exception) when (sent is { IsCompleted: false })
        {
            // Timers may fire up to a tick of their coarse clock early; the silo refuses to start at the deadline, not before.
            await RemoteDeadline.WaitForAsync(deadline).ConfigureAwait(false);

            // Tell Orleans to drop the request if it is still queued (it would be refused at its turn anyway); its
            // later outcome has no one waiting for it.
            _ = sent.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            cancel.Cancel();
            if (site.Diagnostics is { } diagnostics)
            {
                Log.CallerTimedOut(diagnostics.Logger, site.ModelName, timeout);
            }

            throw CallDeadline.Expired(timeout, exception);
        }
        catch (Exception exception) when (RemoteDeadline.Ended(exception, deadline, cancellationToken))
        {
            // The silo answered for the deadline before this caller's own timer did (its timer fired up to a tick early, or
            // the caller's fires late on a loaded machine): it refused to start the operation (TimeoutException), or the
            // operation ended on its token, which the silo cancels at the deadline (OperationCanceledException). The
            // caller is told what its timer tells: the adapter's TimeoutException, never before the deadline; as
            // in-process, a timed call whose operation ends on its deadline is told TimeoutException, not that it was
            // cancelled.
            await RemoteDeadline.WaitForAsync(deadline).ConfigureAwait(false);
            throw CallDeadline.Expired(timeout, exception);
        }
        catch (Exception exception) when (SerializationErrors.TryExplain(exception, site, out Exception? explained))
        {
            throw explained;
        }
    }

    /// <summary>
    /// Sends the call, with what the silo must know in the request context: the caller's deadline, and the chain of
    /// models whose operations the call is made from (refused here when the target is one of them).
    /// </summary>
    private static Task<TResult> Send<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, long? deadline, CancellationToken cancellationToken)
    {
        string[]? chain = CallChain.Current;
        string? traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } span && ReferenceEquals(span.Source, ModelTelemetry.Source)
            ? span.Id
            : null;
        if (chain is null && deadline is null && traceParent is null)
        {
            return call(state, cancellationToken);
        }

        if (chain is not null && Array.IndexOf(chain, site.ModelName) >= 0)
        {
            Refuse(chain, site);
        }

        using RequestContextEntry sentDeadline = deadline is { } d ? RequestContextEntry.Set(RemoteDeadline.Key, d) : default;
        using RequestContextEntry sentChain = chain is not null ? RequestContextEntry.Set(CallChain.Key, chain) : default;
        using RequestContextEntry sentTrace = traceParent is not null ? RequestContextEntry.Set(OrleansDiagnostics.TraceParentKey, traceParent) : default;
        return call(state, cancellationToken);
    }

    /// <summary>Counts and logs a call refused for re-entrancy, then throws.</summary>
    /// <exception cref="ModelReentrancyException">Always.</exception>
    private static void Refuse(string[] chain, CallSite site)
    {
        if (site.Telemetry is { Enabled: true } telemetry)
        {
            telemetry.Refused();
        }

        if (site.Diagnostics is { } diagnostics)
        {
            Log.ReentrancyRefused(diagnostics.Logger, site.ModelName, string.Join(" -> ", chain));
        }

        CallChain.ThrowIfReentrant(chain, site.ModelName);
    }
}
