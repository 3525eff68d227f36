using System.Diagnostics;
using System.Threading.Tasks.Sources;
using AQueue.Local.Internal.Locks;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local.Internal;

/// <summary>
/// A call that found its lock taken: queued in the lock, it runs its closure when its turn comes (see
/// <see cref="CallWaiter"/>), and its caller awaits it directly. Pooled per thread: in a contended loop the
/// thread that consumes a call is the one that queues the next, so a queued call allocates nothing.
/// </summary>
internal sealed class QueuedCall<TMode, TInvoker, TResult> : CallWaiter, IValueTaskSource<TResult>, IValueTaskSource
    where TMode : struct, ILockMode
    where TInvoker : struct, IInvoker<TResult>
{
    [ThreadStatic]
    private static QueuedCall<TMode, TInvoker, TResult>? t_spare;

    private ManualResetValueTaskSourceCore<TResult> _core;
    private TMode _mode;
    private TInvoker _invoker;
    private ExecutionContext? _context;
    private ValueTask<TResult> _running;
    private Action? _onRunningCompleted;

    // Set only while something listens (Observe): what to report, and when the call queued and started.
    private ModelTelemetry? _telemetry;
    private Activity? _activity;
    private long _waitStarted;
    private long _held;
    private bool _countedWaiting;

    private QueuedCall()
    {
    }

    public short Version => _core.Version;

    /// <summary>A call ready to queue: <paramref name="context"/> is the caller's, already inside the lock's re-entrancy frame.</summary>
    public static QueuedCall<TMode, TInvoker, TResult> Rent(TMode mode, TInvoker invoker, ExecutionContext context, CancellationToken cancellationToken)
    {
        QueuedCall<TMode, TInvoker, TResult>? call = t_spare;
        if (call is null)
        {
            call = new QueuedCall<TMode, TInvoker, TResult>();
        }
        else
        {
            t_spare = null;
        }

        call.Kind = mode.Kind;
        call._mode = mode;
        call._invoker = invoker;
        call._context = context;
        call.CancellationToken = cancellationToken;
        return call;
    }

    /// <summary>Makes the call report its wait, hold and outcome to <paramref name="telemetry"/>; before it is queued.</summary>
    public void Observe(ModelTelemetry telemetry, Activity? activity)
    {
        _telemetry = telemetry;
        _activity = activity;
        _waitStarted = Stopwatch.GetTimestamp();
        _countedWaiting = telemetry.Queued();
    }

    /// <summary>Gives back a call that was never queued (the lock was free after all).</summary>
    public void ReturnUnused()
    {
        if (_countedWaiting)
        {
            _telemetry!.Dequeued();
        }

        Clear();
        t_spare = this;
    }

    /// <summary>Spins briefly (<see cref="SpinPolicy.QueuedCallChecks"/>) while the call is not done.</summary>
    public void SpinUntilCompleted()
    {
        short version = _core.Version;
        for (int i = 0; i < SpinPolicy.QueuedCallChecks; i++)
        {
            Thread.SpinWait(SpinPolicy.QueuedCallSpin);
            if (_core.GetStatus(version) != ValueTaskSourceStatus.Pending)
            {
                return;
            }
        }
    }

    protected override CallWaiter? RunAndPassOn(bool takeNext, ExecutionContext? threadContext)
    {
        ExecutionContext.Restore(_context!);
        ModelTelemetry? telemetry = _telemetry;
        if (telemetry is not null)
        {
            if (_countedWaiting)
            {
                telemetry.Dequeued();
            }

            _held = telemetry.Acquired(_waitStarted, _activity);
        }

        ValueTask<TResult> result;
        try
        {
            result = _invoker.Invoke(CancellationToken);
        }
        catch (Exception exception)
        {
            result = ValueTask.FromException<TResult>(exception);
        }

        if (!result.IsCompleted)
        {
            // The batch ends here; the closure keeps the lock until it returns.
            _running = result;
            _onRunningCompleted ??= OnRunningCompleted;
            result.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onRunningCompleted);
            return null;
        }

        (TResult value, Exception? error) = Outcome(result);
        telemetry?.Released(_held);
        TMode mode = _mode;
        CallWaiter? next = null;
        if (takeNext)
        {
            next = mode.ExitOrTakeCall();
        }
        else
        {
            mode.Exit();
        }

        // Recorded before the caller is completed: from then on the call may be recycled.
        telemetry?.Ended(ModelTelemetry.Classify(error, timed: false));
        bool inline = threadContext is not null && next is null;
        if (inline)
        {
            ExecutionContext.Restore(threadContext!);
        }

        Complete(value, error, inline);
        return next;
    }

    private void OnRunningCompleted()
    {
        (TResult value, Exception? error) = Outcome(_running);
        _running = default;

        // Wherever the closure finished (a timer, another caller's stack), nobody else's closure runs here.
        _telemetry?.Released(_held);
        _mode.Exit();
        _telemetry?.Ended(ModelTelemetry.Classify(error, timed: false));
        Complete(value, error, inline: false);
    }

    /// <summary>A completed closure's result, or the exception it ended with (the same object, never wrapped).</summary>
    private static (TResult Value, Exception? Error) Outcome(ValueTask<TResult> completed)
    {
        try
        {
            return (completed.GetAwaiter().GetResult(), null);
        }
        catch (Exception exception)
        {
            return (default!, exception);
        }
    }

    private void Complete(TResult value, Exception? error, bool inline)
    {
        _core.RunContinuationsAsynchronously = !inline;
        if (error is null)
        {
            _core.SetResult(value);
        }
        else
        {
            _core.SetException(error);
        }
    }

    protected override void OnCancelled()
    {
        // Under the lock's monitor, from Cancel(): the caller resumes on the pool, never here.
        if (_telemetry is { } telemetry)
        {
            if (_countedWaiting)
            {
                telemetry.Dequeued();
            }

            telemetry.Ended(CallOutcome.Cancelled);
        }

        _core.RunContinuationsAsynchronously = true;
        _core.SetException(new OperationCanceledException(CancellationToken));
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    public TResult GetResult(short token)
    {
        if (token != _core.Version)
        {
            ThrowStale();
        }

        if (_core.GetStatus(token) == ValueTaskSourceStatus.Pending)
        {
            // Blocked on rather than awaited (GetAwaiter().GetResult() on a queued call): wait, as a Task would.
            WaitUntilCompleted(token);
        }

        // The call is done: no registration may outlive it.
        ReleaseRegistration();
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            Recycle();
        }
    }

    private void WaitUntilCompleted(short token)
    {
        using var completed = new ManualResetEventSlim();
        _core.OnCompleted(static state => ((ManualResetEventSlim)state!).Set(), completed, token, ValueTaskSourceOnCompletedFlags.None);
        completed.Wait();
    }

    void IValueTaskSource.GetResult(short token) => GetResult(token);

    private void Recycle()
    {
        _core.Reset();
        ResetWaiter();
        Clear();
        t_spare = this;
    }

    private void Clear()
    {
        // Nothing of the caller's stays reachable from a spare.
        _mode = default;
        _invoker = default;
        _context = null;
        CancellationToken = default;
        _telemetry = null;
        _activity = null;
        _countedWaiting = false;
    }

    private static void ThrowStale() =>
        throw new InvalidOperationException("The value task of this call was already awaited; a ValueTask may be awaited only once.");
}
