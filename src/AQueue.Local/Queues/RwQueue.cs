using System.Diagnostics;
using AQueue.Local.Internal;
using AQueue.Local.Internal.Invokers;
using AQueue.Local.Internal.Locks;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local;

/// <summary>
/// An async reader-writer queue. Reads run together, writes run alone, all in arrival order: once a write
/// waits, reads that arrive after it wait behind it, so a stream of reads never starves a write. The
/// low-level primitive behind <see cref="RwModel{T}"/>.
/// </summary>
/// <remarks>
/// <para>A closure that throws releases the queue and its exception reaches the caller unchanged. A caller
/// cancelled or timed out while waiting leaves the queue at once and its closure never runs; a cancelled
/// waiting write lets in the reads queued behind it, unless another write runs or waits ahead of them.</para>
/// <para><see cref="Read{TResult}(Func{TResult}, CancellationToken)"/> and <see cref="Write{TResult}(Func{TResult}, CancellationToken)"/>
/// block the calling thread (a brief spin, then a real wait) and mix freely with the async calls. Calling the
/// same queue from inside one of its closures throws <see cref="ModelReentrancyException"/>.</para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class RwQueue
{
    private readonly RwLock _lock = new();
    private readonly ReentrancyGuard _guard = new();

    /// <summary>How many reads run right now.</summary>
    public int CurrentReaderCount => _lock.CurrentReaderCount;

    /// <summary>Whether a write runs right now.</summary>
    public bool IsWriteHeld => _lock.IsWriteHeld;

    /// <summary>How many callers wait right now.</summary>
    public int WaitingCount => _lock.WaitingCount;

    /// <summary>A consistent view, taken at once, of who runs and who waits: readers or a write, waiters, whether a write is
    /// among them, and how long the oldest caller has waited.</summary>
    /// <returns>The snapshot; <see cref="ModelSnapshot.ToString"/> gives it as one line.</returns>
    public ModelSnapshot GetSnapshot() => _lock.Snapshot(consistent: true);

    /// <summary>For a debugger: read without taking the lock, so it never blocks on a paused thread (and may be torn).</summary>
    internal ModelSnapshot PeekSnapshot() => _lock.Snapshot(consistent: false);

    internal string DebuggerDisplay => $"RwQueue: {PeekSnapshot()}";

    internal ReadMode ReadMode => new(_lock, _guard);

    internal WriteMode WriteMode => new(_lock, _guard);

    /// <summary>What the model built on this queue reports; null (the default) for a bare queue.</summary>
    internal ModelTelemetry? Telemetry
    {
        get => _guard.Telemetry;
        set => _guard.Telemetry = value;
    }

    /// <summary>Runs <paramref name="body"/> with shared access.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask<TResult> ReadAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<ReadMode, TokenInvoker<TResult>, TResult>(ReadMode, new(body), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with shared access, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; its token is cancelled at the deadline.</param>
    /// <param name="timeout">The deadline for waiting and running; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    public ValueTask<TResult> ReadAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<ReadMode, TokenInvoker<TResult>, TResult>(ReadMode, new(body), timeout, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this queue's closures.</exception>
    public ValueTask<TResult> WriteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<WriteMode, TokenInvoker<TResult>, TResult>(WriteMode, new(body), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; its token is cancelled at the deadline.</param>
    /// <param name="timeout">The deadline for waiting and running; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    public ValueTask<TResult> WriteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<WriteMode, TokenInvoker<TResult>, TResult>(WriteMode, new(body), timeout, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with shared access, blocking the calling thread until it may.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentException"><paramref name="body"/> returns a task: use <see cref="ReadAsync{TResult}(Func{CancellationToken, ValueTask{TResult}}, CancellationToken)"/>.</exception>
    public TResult Read<TResult>(Func<TResult> body, CancellationToken cancellationToken = default) =>
        Read(body, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Runs <paramref name="body"/> with shared access, blocking at most <paramref name="timeout"/> for it.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure.</param>
    /// <param name="timeout">How long to wait; a synchronous closure, once started, runs to its end.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The wait outlasted <paramref name="timeout"/>.</exception>
    public TResult Read<TResult>(Func<TResult> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        SyncResultGuard<TResult>.ThrowIfAwaitable(nameof(body));
        return Runner.Run(ReadMode, static f => f(), body, timeout, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access, blocking the calling thread until it may.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentException"><paramref name="body"/> returns a task: use <see cref="WriteAsync{TResult}(Func{CancellationToken, ValueTask{TResult}}, CancellationToken)"/>.</exception>
    public TResult Write<TResult>(Func<TResult> body, CancellationToken cancellationToken = default) =>
        Write(body, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Runs <paramref name="body"/> with exclusive access, blocking at most <paramref name="timeout"/> for it.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure.</param>
    /// <param name="timeout">How long to wait; a synchronous closure, once started, runs to its end.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The wait outlasted <paramref name="timeout"/>.</exception>
    public TResult Write<TResult>(Func<TResult> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        SyncResultGuard<TResult>.ThrowIfAwaitable(nameof(body));
        return Runner.Run(WriteMode, static f => f(), body, timeout, cancellationToken);
    }
}
