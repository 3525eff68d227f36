using System.Diagnostics;
using AQueue.Local.Internal;
using AQueue.Local.Internal.Invokers;
using AQueue.Local.Internal.Locks;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local;

/// <summary>
/// An async semaphore queue: at most <see cref="MaxConcurrency"/> closures run at once; the rest wait in
/// arrival order. The low-level primitive behind <see cref="PCModel{T}"/>; with one slot it is a
/// <see cref="MutexQueue"/>.
/// </summary>
/// <remarks>
/// A closure that throws frees its slot and its exception reaches the caller unchanged. A caller cancelled
/// or timed out while waiting leaves the queue at once and its closure never runs; nobody else's place
/// changes. Calling the same queue from inside one of its closures throws <see cref="ModelReentrancyException"/>.
/// </remarks>
/// <example>
/// <code>
/// var limit = new SemaphoreQueue(4);
/// await Parallel.ForEachAsync(urls, async (url, ct) =&gt;
///     await limit.RunAsync(token =&gt; new ValueTask&lt;string&gt;(http.GetStringAsync(url, token)), ct));
/// </code>
/// </example>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class SemaphoreQueue
{
    private readonly PermitLock _lock;
    private readonly ReentrancyGuard _guard = new();

    /// <summary>Creates a queue that runs at most <paramref name="maxConcurrency"/> closures at once.</summary>
    /// <param name="maxConcurrency">The bound, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is less than 1.</exception>
    public SemaphoreQueue(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _lock = new PermitLock(maxConcurrency);
    }

    /// <summary>The most closures that run at once.</summary>
    public int MaxConcurrency => _lock.MaxCount;

    /// <summary>How many more closures could start right now.</summary>
    public int CurrentCount => _lock.CurrentCount;

    /// <summary>How many callers wait right now.</summary>
    public int WaitingCount => _lock.WaitingCount;

    /// <summary>A consistent view, taken at once, of who runs and who waits, including how long the oldest caller has waited.</summary>
    /// <returns>The snapshot; <see cref="ModelSnapshot.ToString"/> gives it as one line.</returns>
    public ModelSnapshot GetSnapshot() => _lock.Snapshot(consistent: true);

    /// <summary>For a debugger: read without taking the lock, so it never blocks on a paused thread (and may be torn).</summary>
    internal ModelSnapshot PeekSnapshot() => _lock.Snapshot(consistent: false);

    internal string DebuggerDisplay => $"SemaphoreQueue({MaxConcurrency}): {PeekSnapshot()}";

    internal PermitMode Mode => new(_lock, _guard);

    /// <summary>What the model built on this queue reports; null (the default) for a bare queue.</summary>
    internal ModelTelemetry? Telemetry
    {
        get => _guard.Telemetry;
        set => _guard.Telemetry = value;
    }

    /// <summary>Runs <paramref name="body"/> once a slot is free and every earlier caller has one.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, TokenInvoker<TResult>, TResult>(Mode, new(body), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> once a slot is free, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; its token is cancelled at the deadline.</param>
    /// <param name="timeout">The deadline for waiting and running; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    public ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, TokenInvoker<TResult>, TResult>(Mode, new(body), timeout, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> once a slot is free and every earlier caller has one.</summary>
    /// <param name="body">The closure; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>A task that completes when the closure has.</returns>
    public ValueTask RunAsync(Func<CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<PermitMode, TokenVoidInvoker>(Mode, new(body), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> once a slot is free, within <paramref name="timeout"/>.</summary>
    /// <param name="body">The closure; its token is cancelled at the deadline.</param>
    /// <param name="timeout">The deadline for waiting and running; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>A task that completes when the closure has.</returns>
    public ValueTask RunAsync(Func<CancellationToken, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<PermitMode, TokenVoidInvoker, VoidResult>(Mode, new(body), timeout, cancellationToken));
    }
}
