using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local.Internal;

/// <summary>
/// Detects a call into a queue from inside one of that queue's own closures, synchronous or after an await.
/// </summary>
/// <remarks>
/// The closure runs under an execution context that carries a frame naming this queue, so anything it
/// awaits or starts sees the frame. Setting an <see cref="AsyncLocal{T}"/> allocates a new context on every
/// call; instead the guard caches, per queue, the context "caller's context plus my frame" and switches to it
/// with <see cref="ExecutionContext.Restore"/>, which allocates nothing. Callers from the same flow (or from
/// tasks started by one flow) share one context object, so the cache hits on the hot path.
/// </remarks>
internal sealed class ReentrancyGuard
{
    private static readonly AsyncLocal<Frame?> s_current = new();

    private CachedContext? _cache;

    /// <summary>
    /// What the queue's model reports, or null for a bare queue. Kept here because the guard is the one per-queue object
    /// every call touches first: the hot path reads it beside the guard's cache.
    /// </summary>
    public ModelTelemetry? Telemetry { get; set; }

    /// <summary>Throws <see cref="ModelReentrancyException"/> when the current flow is inside this guard's closure.</summary>
    public void ThrowIfReentrant()
    {
        for (Frame? frame = s_current.Value; frame is not null; frame = frame.Parent)
        {
            if (ReferenceEquals(frame.Owner, this))
            {
                ThrowReentrant();
            }
        }
    }

    /// <summary>Switches the thread to a context that marks this guard as entered.</summary>
    /// <returns>What <see cref="Leave"/> needs to switch back.</returns>
    public Scope Enter()
    {
        ExecutionContext? outer = ExecutionContext.Capture();
        if (outer is null)
        {
            // Flow is suppressed: nothing will flow into awaits anyway; mark the thread for synchronous re-entry.
            Frame? previous = s_current.Value;
            s_current.Value = new Frame(this, previous);
            return new Scope(null, previous);
        }

        CachedContext? cache = _cache;
        if (cache is not null && ReferenceEquals(cache.Outer, outer))
        {
            ExecutionContext.Restore(cache.Inner);
        }
        else
        {
            // Every caller has passed ThrowIfReentrant on this context first, so the cached outer context is one
            // outside this guard: EnterOrThrowIfReentrant relies on that.
            s_current.Value = new Frame(this, s_current.Value);
            _cache = new CachedContext(outer, ExecutionContext.Capture()!);
        }

        return new Scope(outer, null);
    }

    /// <summary>
    /// <see cref="ThrowIfReentrant"/> then <see cref="Enter"/>, in one look at the context on the hot path: a
    /// cached outer context was checked before its cache entry was built, and a context never changes, so a
    /// flow that still has that context cannot be inside this guard.
    /// </summary>
    public Scope EnterOrThrowIfReentrant()
    {
        ExecutionContext? outer = ExecutionContext.Capture();
        CachedContext? cache = _cache;
        if (outer is not null && cache is not null && ReferenceEquals(cache.Outer, outer))
        {
            ExecutionContext.Restore(cache.Inner);
            return new Scope(outer, null);
        }

        ThrowIfReentrant();
        return Enter();
    }

    /// <summary>Switches back to the caller's context.</summary>
    public static void Leave(in Scope scope)
    {
        if (scope.Outer is not null)
        {
            ExecutionContext.Restore(scope.Outer);
        }
        else
        {
            s_current.Value = scope.Previous;
        }
    }

    private void ThrowReentrant()
    {
        if (Telemetry is { Enabled: true } telemetry)
        {
            telemetry.Refused();
        }

        throw new ModelReentrancyException();
    }

    /// <summary>The caller's context, to restore after the closure's synchronous part.</summary>
    internal readonly record struct Scope(ExecutionContext? Outer, Frame? Previous);

    /// <summary>One entered guard in the chain of guards the current flow is inside.</summary>
    internal sealed record Frame(ReentrancyGuard Owner, Frame? Parent);

    private sealed record CachedContext(ExecutionContext Outer, ExecutionContext Inner);
}
