using System.Runtime.CompilerServices;
using AQueue.Local.Internal.Locks;

namespace AQueue.Local.Internal;

/// <summary>
/// Runs one closure under a lock: the one implementation behind every queue and model call. Generic over
/// struct lock modes and invokers, so each combination is compiled separately and the uncontended path is
/// a compare-and-swap, the closure, and a compare-and-swap, with no allocation.
/// </summary>
internal static class Runner
{
    public static ValueTask<TResult> RunAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        ValueTask<TResult> result = Start(mode, invoker, cancellationToken, out QueuedCall<TMode, TInvoker, TResult>? queued);
        return queued is null ? result : new ValueTask<TResult>(queued, queued.Version);
    }

    /// <summary>As <see cref="RunAsync{TMode, TInvoker, TResult}(TMode, TInvoker, CancellationToken)"/> for a closure that returns nothing.</summary>
    public static ValueTask RunVoidAsync<TMode, TInvoker>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<VoidResult>
    {
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

            queued = Enqueue<TMode, TInvoker, TResult>(mode, invoker, cancellationToken);
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
    private static QueuedCall<TMode, TInvoker, TResult>? Enqueue<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        // The current context is the caller's inside the guard's frame: the closure runs in it wherever it runs.
        var call = QueuedCall<TMode, TInvoker, TResult>.Rent(mode, invoker, ExecutionContext.Capture()!, cancellationToken);
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

    public static ValueTask<TResult> RunAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, TimeSpan timeout, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        if (Deadline.IsInfinite(timeout))
        {
            return RunAsync<TMode, TInvoker, TResult>(mode, invoker, cancellationToken);
        }

        mode.Guard.ThrowIfReentrant();
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (timeout == TimeSpan.Zero)
        {
            // A deadline that has already passed times the call out even when the lock is free, as an
            // already-cancelled token does: the closure never runs.
            return ValueTask.FromException<TResult>(Deadline.Expired(timeout));
        }

        return RunWithDeadlineAsync<TMode, TInvoker, TResult>(mode, invoker, timeout, cancellationToken);
    }

    public static TResult Run<TMode, TView, TResult>(TMode mode, Func<TView, TResult> body, TView view, TimeSpan timeout, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
    {
        bool infinite = Deadline.IsInfinite(timeout);
        mode.Guard.ThrowIfReentrant();
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

    private static async ValueTask<TResult> EnterThenRunAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, CancellationToken cancellationToken)
        where TMode : struct, ILockMode
        where TInvoker : struct, IInvoker<TResult>
    {
        // Throws OperationCanceledException if cancelled while queued; the closure then never runs.
        await mode.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Invoke<TMode, TInvoker, TResult>(mode, invoker, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            mode.Exit();
        }
    }

    private static async ValueTask<TResult> RunWithDeadlineAsync<TMode, TInvoker, TResult>(TMode mode, TInvoker invoker, TimeSpan timeout, CancellationToken cancellationToken)
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
        try
        {
            if (!mode.TryEnter())
            {
                try
                {
                    await mode.EnterAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Deadline.Expired(timeout, exception);
                }
            }

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
                    var (lockMode, source, linkedSource) = ((TMode, CancellationTokenSource, CancellationTokenSource?))state!;
                    _ = task.Exception; // observed: a late failure is not an unobserved task exception
                    lockMode.Exit();
                    linkedSource?.Dispose();
                    source.Dispose();
                    return task;
                },
                (mode, deadline, linked),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Unwrap();

            // A token of a source disposed meanwhile registers nothing: the release has happened by then.
            Task<TResult> bounded = released.WaitAsync(deadlineToken);
            return await MapDeadline(new ValueTask<TResult>(bounded), deadline, cancellationToken, timeout).ConfigureAwait(false);
        }
        finally
        {
            if (!handedOff)
            {
                linked?.Dispose();
                deadline.Dispose();
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
