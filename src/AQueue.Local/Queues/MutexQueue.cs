namespace AQueue.Local;

/// <summary>
/// An async mutex queue: closures run one at a time, strictly in arrival order, each to completion across
/// every <c>await</c> inside it. The low-level primitive behind <see cref="Actor{T}"/>: a
/// <see cref="SemaphoreQueue"/> with one slot (held, not derived from).
/// </summary>
/// <example>
/// <code>
/// var queue = new MutexQueue();
/// int total = 0;
/// await queue.RunAsync(async ct => { await Task.Yield(); total++; });
/// </code>
/// </example>
[System.Diagnostics.DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class MutexQueue
{
    // A mutex is a semaphore of one slot; held, not inherited, so that SemaphoreQueue can stay sealed.
    private readonly SemaphoreQueue _slot = new(1);

    /// <summary>Creates an unlocked queue.</summary>
    public MutexQueue()
    {
    }

    /// <summary>Whether a closure holds the queue right now.</summary>
    public bool IsHeld => _slot.CurrentCount == 0;

    /// <summary>How many callers wait right now.</summary>
    public int WaitingCount => _slot.WaitingCount;

    /// <summary>A consistent view, taken at once, of who holds the queue and who waits, including how long the oldest
    /// caller has waited.</summary>
    /// <returns>The snapshot; <see cref="ModelSnapshot.ToString"/> gives it as one line.</returns>
    public ModelSnapshot GetSnapshot() => _slot.GetSnapshot();

    /// <summary>For a debugger: read without taking the lock, so it never blocks on a paused thread (and may be torn).</summary>
    internal ModelSnapshot PeekSnapshot() => _slot.PeekSnapshot();

    internal string DebuggerDisplay => $"MutexQueue: {PeekSnapshot()}";

    internal Internal.PermitMode Mode => _slot.Mode;

    /// <summary>What the model built on this queue reports; null (the default) for a bare queue.</summary>
    internal Internal.Telemetry.ModelTelemetry? Telemetry
    {
        get => _slot.Telemetry;
        set => _slot.Telemetry = value;
    }

    /// <summary>Runs <paramref name="body"/> once the queue is free and every earlier caller has had its turn.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default) =>
        _slot.RunAsync(body, cancellationToken);

    /// <summary>Runs <paramref name="body"/> once the queue is free, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; its token is cancelled at the deadline.</param>
    /// <param name="timeout">The deadline for waiting and running; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too long.</exception>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _slot.RunAsync(body, timeout, cancellationToken);

    /// <summary>Runs <paramref name="body"/> once the queue is free and every earlier caller has had its turn.</summary>
    /// <param name="body">The closure; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>A task that completes when the closure has.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask RunAsync(Func<CancellationToken, ValueTask> body, CancellationToken cancellationToken = default) =>
        _slot.RunAsync(body, cancellationToken);

    /// <summary>Runs <paramref name="body"/> once the queue is free, within <paramref name="timeout"/>.</summary>
    /// <param name="body">The closure; its token is cancelled at the deadline.</param>
    /// <param name="timeout">The deadline for waiting and running; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>A task that completes when the closure has.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too long.</exception>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask RunAsync(Func<CancellationToken, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _slot.RunAsync(body, timeout, cancellationToken);
}
