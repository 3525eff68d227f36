using System.Diagnostics;
using System.Runtime.CompilerServices;
using AQueue.Local.Internal.Locks;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local.Internal;

/// <summary>
/// Runs one closure under a lock: the one implementation behind every queue and model call. Generic over
/// struct lock modes and invokers, so each combination is compiled separately and the uncontended path is
/// a compare-and-swap, the closure, and a compare-and-swap, with no allocation.
/// </summary>
/// <remarks>
/// A model's queue carries its <see cref="ModelTelemetry"/> on its guard. While nothing listens, the only trace of it on
/// the hot path is one check (<see cref="ModelTelemetry.Enabled"/>); while something does, calls go through the observed
/// twins below (<c>RunObserved</c> and the methods it calls), which time the wait and the hold and count outcomes.
/// </remarks>
internal static class Runner
{
    public static ValueTask<TResult> RunAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        if (mode.Guard.Telemetry is { Enabled: true } telemetry)
        {
            return RunObserved<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry);
        }

        ValueTask<TResult> result = Start(mode, invoker, cancellationToken, out QueuedCall<TMode, TInvoker, TResult>? queued);
        return queued is null ? result : new ValueTask<TResult>(queued, queued.Version);
    }

    /// <summary>As <see cref="RunAsync{TMode, TInvoker, TResult}(TMode, TInvoker, CancellationToken)"/> for a closure that returns nothing.</summary>
    public static ValueTask RunVoidAsync<TMode, TInvoker>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<VoidResult>
    {
        if (mode.Guard.Telemetry is { Enabled: true } telemetry)
        {
            return VoidResult.ToValueTask(RunObserved<TMode, TInvoker, VoidResult>(mode, invoker, cancellationToken, telemetry));
        }

        ValueTask<VoidResult> result = Start(mode, invoker, cancellationToken, out QueuedCall<TMode, TInvoker, VoidResult>? queued);
        return queued is null ? VoidResult.ToValueTask(result) : new ValueTask(queued, queued.Version);
    }

    /// <summary>
    /// Runs the closure now if the lock is free; otherwise queues it as <paramref name="queued"/>, whose caller
    /// awaits it directly (the returned task is then meaningless).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ValueTask<TResult> Start<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken, out QueuedCall<TMode, TInvoker, TResult>? queued)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        queued = null;

        // Invoke's body, written out: in shared generic code (a reference-type view) a call to Invoke would be
        // an indirect call through a runtime lookup that the JIT does not inline. The guard's context switch
        // is made before the lock is taken and undone after it is returned, so the lock is held for the closure
        // alone: the shorter that window, the fewer concurrent callers find it taken and have to queue.
        var scope = mode.Guard.EnterOrThrowIfReentrant();
        if (cancellationToken.IsCancellationRequested)
        {
            ReentrancyGuard.Leave(scope);
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (!mode.TryEnter())
        {
            if (scope.Outer is null)
            {
                // Flow suppressed: there is no context to run the closure in elsewhere, so it waits its turn here.
                ReentrancyGuard.Leave(scope);
                return EnterThenRunAsync<TMode, TInvoker, TResult>(mode, invoker, cancellationToken);
            }

            queued = Enqueue<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry: null, activity: null);
            if (queued is not null)
            {
                ReentrancyGuard.Leave(scope);
                return default;
            }
        }

        ValueTask<TResult> result;
        try
        {
            result = invoker.Invoke(cancellationToken);
        }
        catch (Exception exception)
        {
            result = ValueTask.FromException<TResult>(exception);
        }

        if (result.IsCompleted)
        {
            CallWaiter? next = mode.ExitOrTakeCall();
            ReentrancyGuard.Leave(scope);
            if (next is not null)
            {
                // Combining: the calls queued behind this one run here, back to back, each in its own context.
                CallWaiter.RunBatch(next, firstOwnsThread: false);
            }

            return result;
        }

        ReentrancyGuard.Leave(scope);
        return ExitWhenDoneAsync(mode, result);
    }

    /// <summary>Queues the call; null when the lock turned out to be free (the caller then holds it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static QueuedCall<TMode, TInvoker, TResult>? Enqueue<TMode, TInvoker, TResult>(
        TMode mode, TInvoker invoker, CancellationToken cancellationToken, ModelTelemetry? telemetry, Activity? activity)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        // The current context is the caller's inside the guard's frame: the closure runs in it wherever it runs.
        var call = QueuedCall<TMode, TInvoker, TResult>.Rent(mode, invoker, ExecutionContext.Capture()!, cancellationToken);
        if (telemetry is not null)
        {
            // Before it is queued: from then on another thread may run it at any moment.
            call.Observe(telemetry, activity);
        }

        if (mode.TryEnterOrEnqueue(call))
        {
            call.ReturnUnused();
            return null;
        }

        call.RegisterCancellation(mode.Owner);

        // A combining holder on another core usually runs the call within a few hundred nanoseconds: a caller
        // that sees it done before awaiting resumes without a thread-pool hop.
        if (mode.SpinsWhenQueued)
        {
            call.SpinUntilCompleted();
        }

        return call;
    }

    /// <summary>
    /// <see cref="RunAsync{TMode, TInvoker, TResult}(TMode, TInvoker, CancellationToken)"/> while something listens:
    /// the same steps, timed and counted. With a span to record, the call runs inside an async method, so the span is
    /// current for the closure and never leaks into the caller's flow.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ValueTask<TResult> RunObserved<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken, ModelTelemetry telemetry)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        if (ModelTelemetry.Source.HasListeners())
        {
            // Refused synchronously, as without a listener.
            mode.Guard.ThrowIfReentrant();
            return RunTracedAsync<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry);
        }

        return StartObserved<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry, activity: null);
    }

    private static async ValueTask<TResult> RunTracedAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken, ModelTelemetry telemetry)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        Activity? activity = telemetry.StartActivity();
        CallOutcome outcome = CallOutcome.Completed;
        Exception? error = null;
        try
        {
            return await StartObserved<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry, activity).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            outcome = ModelTelemetry.Classify(exception, timed: false);
            error = exception;
            throw;
        }
        finally
        {
            ModelTelemetry.Stop(activity, outcome, error);
        }
    }

    /// <summary><see cref="Start"/>, observed: every way out records the call's outcome, and its wait and hold where it had them.</summary>
    private static ValueTask<TResult> StartObserved<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken, ModelTelemetry telemetry, Activity? activity)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        // A refusal is counted by the guard.
        var scope = mode.Guard.EnterOrThrowIfReentrant();
        if (cancellationToken.IsCancellationRequested)
        {
            ReentrancyGuard.Leave(scope);
            telemetry.Ended(CallOutcome.Cancelled);
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (!mode.TryEnter())
        {
            if (scope.Outer is null)
            {
                ReentrancyGuard.Leave(scope);
                return EnterThenRunAsync<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry, activity);
            }

            // The queued call records its own wait, hold and outcome (QueuedCall.Observe).
            QueuedCall<TMode, TInvoker, TResult>? queued = Enqueue<TMode, TInvoker, TResult>(mode, invoker, cancellationToken, telemetry, activity);
            if (queued is not null)
            {
                ReentrancyGuard.Leave(scope);
                return new ValueTask<TResult>(queued, queued.Version);
            }
        }

        long held = telemetry.Acquired(0, activity);
        ValueTask<TResult> result;
        Exception? thrown = null;
        try
        {
            result = invoker.Invoke(cancellationToken);
        }
        catch (Exception exception)
        {
            thrown = exception;
            result = ValueTask.FromException<TResult>(exception);
        }

        if (result.IsCompleted)
        {
            telemetry.Released(held);
            CallWaiter? next = mode.ExitOrTakeCall();
            ReentrancyGuard.Leave(scope);
            telemetry.Ended(thrown is not null ? ModelTelemetry.Classify(thrown, timed: false)
                : result.IsCompletedSuccessfully ? CallOutcome.Completed
                : result.IsCanceled ? CallOutcome.Cancelled
                : CallOutcome.Faulted);
            if (next is not null)
            {
                CallWaiter.RunBatch(next, firstOwnsThread: false);
            }

            return result;
        }

        ReentrancyGuard.Leave(scope);
        return ExitWhenDoneObservedAsync(mode, result, telemetry, held);
    }

    private static async ValueTask<TResult> ExitWhenDoneObservedAsync<TMode, TResult>(TMode mode, ValueTask<TResult> result, ModelTelemetry telemetry, long held)
        where TMode : struct, ILockMode
    {
        CallOutcome outcome = CallOutcome.Completed;
        try
        {
            return await result.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            outcome = ModelTelemetry.Classify(exception, timed: false);
            throw;
        }
        finally
        {
            telemetry.Released(held);
            mode.Exit();
            telemetry.Ended(outcome);
        }
    }

    /// <summary><see cref="Run{TMode, TView, TResult}"/> while something listens.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TResult RunObserved<TMode, TView, TResult>(
        TMode mode, Func<TView, TResult> body, TView view, TimeSpan timeout, bool infinite, CancellationToken cancellationToken, ModelTelemetry telemetry)
        where TMode : struct, ILockMode
    {
        // A synchronous span: Stop() makes the caller's activity current again on this thread.
        Activity? activity = telemetry.StartActivity();
        CallOutcome outcome = CallOutcome.Completed;
        Exception? error = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            long waitStarted = 0;
            if (!mode.TryEnter())
            {
                if (!infinite && timeout == TimeSpan.Zero)
                {
                    throw Deadline.Expired(timeout);
                }

                waitStarted = Stopwatch.GetTimestamp();
                bool counted = telemetry.Queued();
                bool entered;
                try
                {
                    entered = mode.Enter(Deadline.ToMilliseconds(timeout), cancellationToken);
                }
                finally
                {
                    if (counted)
                    {
                        telemetry.Dequeued();
                    }
                }

                if (!entered)
                {
                    throw Deadline.Expired(timeout);
                }
            }

            long held = telemetry.Acquired(waitStarted, activity);
            var scope = mode.Guard.Enter();
            try
            {
                return body(view);
            }
            finally
            {
                ReentrancyGuard.Leave(scope);
                telemetry.Released(held);
                mode.Exit();
            }
        }
        catch (Exception exception)
        {
            outcome = ModelTelemetry.Classify(exception, timed: !infinite);
            error = exception;
            throw;
        }
        finally
        {
            telemetry.Ended(outcome);
            ModelTelemetry.Stop(activity, outcome, error);
        }
    }

    public static ValueTask<TResult> RunAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, TimeSpan timeout, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        if (Deadline.IsInfinite(timeout))
        {
            return RunAsync<TMode, TInvoker, TResult>(mode, invoker, cancellationToken);
        }

        mode.Guard.ThrowIfReentrant();
        ModelTelemetry? telemetry = mode.Guard.Telemetry is { Enabled: true } observed ? observed : null;
        if (cancellationToken.IsCancellationRequested)
        {
            telemetry?.Ended(CallOutcome.Cancelled);
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (timeout == TimeSpan.Zero)
        {
            // A deadline that has already passed times the call out even when the lock is free, as an
            // already-cancelled token does: the closure never runs.
            telemetry?.Ended(CallOutcome.TimedOut);
            return ValueTask.FromException<TResult>(Deadline.Expired(timeout));
        }

        return RunWithDeadlineAsync<TMode, TInvoker, TResult>(mode, invoker, timeout, cancellationToken, telemetry);
    }

    public static TResult Run<TMode, TView, TResult>(TMode mode, Func<TView, TResult> body, TView view, TimeSpan timeout, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
    {
        bool infinite = Deadline.IsInfinite(timeout);
        mode.Guard.ThrowIfReentrant();
        if (mode.Guard.Telemetry is { Enabled: true } telemetry)
        {
            return RunObserved(mode, body, view, timeout, infinite, cancellationToken, telemetry);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!mode.TryEnter())
        {
            if (!infinite && timeout == TimeSpan.Zero)
            {
                throw Deadline.Expired(timeout);
            }

            if (!mode.Enter(Deadline.ToMilliseconds(timeout), cancellationToken))
            {
                throw Deadline.Expired(timeout);
            }
        }

        var scope = mode.Guard.Enter();
        try
        {
            return body(view);
        }
        finally
        {
            ReentrancyGuard.Leave(scope);
            mode.Exit();
        }
    }

    private static ValueTask<TResult> Invoke<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        var scope = mode.Guard.Enter();
        try
        {
            return invoker.Invoke(cancellationToken);
        }
        finally
        {
            ReentrancyGuard.Leave(scope);
        }
    }

    private static async ValueTask<TResult> ExitWhenDoneAsync<TMode, TResult>(TMode mode, ValueTask<TResult> result)
        where TMode : struct, ILockMode
    {
        try
        {
            return await result.ConfigureAwait(false);
        }
        finally
        {
            mode.Exit();
        }
    }

    private static async ValueTask<TResult> EnterThenRunAsync<TMode, TInvoker, TResult>(
        TMode mode, TInvoker invoker, CancellationToken cancellationToken, ModelTelemetry? telemetry = null, Activity? activity = null)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        // Throws OperationCanceledException if cancelled while queued; the closure then never runs.
        ValueTask entering = mode.EnterAsync(cancellationToken);
        long waitStarted = 0;
        bool counted = false;
        if (telemetry is not null && !entering.IsCompleted)
        {
            waitStarted = Stopwatch.GetTimestamp();
            counted = telemetry.Queued();
        }

        try
        {
            await entering.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (telemetry is not null)
        {
            telemetry.Ended(CallOutcome.Cancelled);
            throw;
        }
        finally
        {
            if (counted)
            {
                telemetry!.Dequeued();
            }
        }

        long held = telemetry?.Acquired(waitStarted, activity) ?? 0;
        CallOutcome outcome = CallOutcome.Completed;
        try
        {
            return await Invoke<TMode, TInvoker, TResult>(mode, invoker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (telemetry is not null)
        {
            outcome = ModelTelemetry.Classify(exception, timed: false);
            throw;
        }
        finally
        {
            telemetry?.Released(held);
            mode.Exit();
            telemetry?.Ended(outcome);
        }
    }

    private static async ValueTask<TResult> RunWithDeadlineAsync<TMode, TInvoker, TResult>(
        TMode mode, TInvoker invoker, TimeSpan timeout, CancellationToken cancellationToken, ModelTelemetry? telemetry)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        // The deadline has a source of its own: once the closure runs, only the deadline may end the caller's
        // wait (a caller's token cancelled after the grant changes nothing). The wait and the closure get a token
        // linked to both.
        var deadline = new CancellationTokenSource();
        deadline.CancelAfter(timeout);
        CancellationTokenSource? linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token)
            : null;
        CancellationToken token = linked?.Token ?? deadline.Token;
        bool handedOff = false;

        // Observed: this method's flow carries the call's span (an async method: the caller's Activity.Current is untouched).
        Activity? activity = telemetry?.StartActivity();
        CallOutcome outcome = CallOutcome.Completed;
        Exception? error = null;
        try
        {
            long waitStarted = 0;
            if (!mode.TryEnter())
            {
                ValueTask entering = mode.EnterAsync(token);
                bool counted = false;
                if (telemetry is not null && !entering.IsCompleted)
                {
                    waitStarted = Stopwatch.GetTimestamp();
                    counted = telemetry.Queued();
                }

                try
                {
                    await entering.ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Deadline.Expired(timeout, exception);
                }
                finally
                {
                    if (counted)
                    {
                        telemetry!.Dequeued();
                    }
                }
            }

            long held = telemetry?.Acquired(waitStarted, activity) ?? 0;
            ValueTask<TResult> result;
            try
            {
                result = Invoke<TMode, TInvoker, TResult>(mode, invoker, token);
            }
            catch (Exception exception)
            {
                // Treated like an async failure, so a deadline-cancelled closure maps to TimeoutException too.
                result = ValueTask.FromException<TResult>(exception);
            }

            if (result.IsCompleted)
            {
                telemetry?.Released(held);
                mode.Exit();
                return await MapDeadline(result, deadline, cancellationToken, timeout).ConfigureAwait(false);
            }

            // The closure runs on. The caller is answered at the deadline, but the lock (and the deadline's
            // source, whose token the closure holds) is released only when the closure really returns. The
            // caller waits for the release, not for the closure: a task is marked complete before its
            // continuations run, so a caller that waited for the closure could resume, on another thread,
            // before the release had run (seen as a held lock right after a faulted call).
            Task<TResult> running = result.AsTask();
            CancellationToken deadlineToken = deadline.Token;
            handedOff = true;
            Task<TResult> released = running.ContinueWith(
                static (task, state) =>
                {
                    var (lockMode, source, linkedSource, observer, heldSince) =
                        ((TMode, CancellationTokenSource, CancellationTokenSource?, ModelTelemetry?, long))state!;
                    _ = task.Exception; // observed: a late failure is not an unobserved task exception
                    observer?.Released(heldSince);
                    lockMode.Exit();
                    linkedSource?.Dispose();
                    source.Dispose();
                    return task;
                },
                (mode, deadline, linked, telemetry, held),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Unwrap();

            // A token of a source disposed meanwhile registers nothing: the release has happened by then.
            Task<TResult> bounded = released.WaitAsync(deadlineToken);
            return await MapDeadline(new ValueTask<TResult>(bounded), deadline, cancellationToken, timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (telemetry is not null)
        {
            outcome = ModelTelemetry.Classify(exception, timed: true);
            error = exception;
            throw;
        }
        finally
        {
            if (!handedOff)
            {
                linked?.Dispose();
                deadline.Dispose();
            }

            if (telemetry is not null)
            {
                telemetry.Ended(outcome);
                ModelTelemetry.Stop(activity, outcome, error);
            }
        }
    }

    private static async ValueTask<TResult> MapDeadline<TResult>(ValueTask<TResult> result, CancellationTokenSource deadline, CancellationToken callerToken, TimeSpan timeout)
    {
        try
        {
            return await result.ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !callerToken.IsCancellationRequested)
        {
            throw Deadline.Expired(timeout, exception);
        }
    }
}
