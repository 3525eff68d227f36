using System.Diagnostics;
using AQueue.Local.Internal;
using AQueue.Local.Internal.Invokers;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local;

/// <summary>
/// A value that at most <see cref="MaxConcurrency"/> closures may use at once, the rest waiting in arrival
/// order: the in-process <see cref="IPCModel{T}"/>, built on a <see cref="SemaphoreQueue"/>. Use it to bound
/// parallelism over a thread-safe resource.
/// </summary>
/// <typeparam name="T">The type of the guarded value. Closures share it, so its members must be thread-safe.</typeparam>
/// <example>
/// <code>
/// var http = new PCModel&lt;HttpClient&gt;(new HttpClient(), 4); // at most 4 requests in flight
/// string page = await http.CallAsync((c, ct) =&gt; new ValueTask&lt;string&gt;(c.Value.GetStringAsync(url, ct)));
/// </code>
/// </example>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class PCModel<T> : IPCModel<T>
{
    private readonly InnerStore<T> _store;
    private readonly SemaphoreQueue _queue;

    /// <summary>Creates a model around <paramref name="value"/> that runs at most <paramref name="maxConcurrency"/> closures at once.</summary>
    /// <param name="value">The shared value.</param>
    /// <param name="maxConcurrency">The bound, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is less than 1.</exception>
    /// <remarks>It reports to the process-wide <see cref="AQueueDiagnostics.MeterName"/> meter (and activity source) while
    /// something listens; a model from <c>AddAQueueLocal</c>'s provider reports to the host's meter.</remarks>
    public PCModel(T value, int maxConcurrency)
        : this(value, maxConcurrency, SharedTelemetry<T>.PCModel)
    {
    }

    internal PCModel(T value, int maxConcurrency, ModelTelemetry telemetry)
    {
        _queue = new SemaphoreQueue(maxConcurrency) { Telemetry = telemetry };
        _store = new InnerStore<T>(value);
    }

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.PCModel;

    /// <inheritdoc />
    public int MaxConcurrency => _queue.MaxConcurrency;

    /// <summary>How many calls wait right now.</summary>
    public int WaitingCount => _queue.WaitingCount;

    /// <summary>Who holds the model and who waits for it, taken at once: for a log line or a debugger when a call hangs.</summary>
    /// <returns>The snapshot; <see cref="ModelSnapshot.ToString"/> gives it as one line.</returns>
    public ModelSnapshot GetSnapshot() => _queue.GetSnapshot();

    private string DebuggerDisplay => $"PCModel<{typeof(T).Name}>: {_queue.PeekSnapshot()}";

    /// <summary>The shared value, without taking a slot. Its members must be thread-safe for this to be safe.</summary>
    public T Inner => _store.Value;

    /// <summary>Runs <paramref name="body"/> once one of the slots is free and every earlier caller has one.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a read-only view of the shared value.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the closure started.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this model's closures.</exception>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewInvoker<RefInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsRef()), cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewTokenInvoker<RefInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsRef()), cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask CallAsync(Func<RefInner<T>, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<PermitMode, ViewVoidInvoker<RefInner<T>>>(_queue.Mode, new(body, _store.AsRef()), cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask CallAsync(Func<RefInner<T>, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<PermitMode, ViewTokenVoidInvoker<RefInner<T>>>(_queue.Mode, new(body, _store.AsRef()), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> once a slot is free, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a read-only view of the shared value.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none;
    /// <see cref="TimeSpan.Zero"/> always times out without running.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first. A closure that had started keeps its slot until it returns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewInvoker<RefInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsRef()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewTokenInvoker<RefInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsRef()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask CallAsync(Func<RefInner<T>, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<PermitMode, ViewVoidInvoker<RefInner<T>>, VoidResult>(_queue.Mode, new(body, _store.AsRef()), timeout, cancellationToken));
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask CallAsync(Func<RefInner<T>, CancellationToken, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<PermitMode, ViewTokenVoidInvoker<RefInner<T>>, VoidResult>(_queue.Mode, new(body, _store.AsRef()), timeout, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<PermitMode, ReadOperationInvoker<T, TResult>, TResult>(_queue.Mode, new(operation, _store), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<PermitMode, ReadOperationInvoker<T, TResult>, TResult>(_queue.Mode, new(operation, _store), timeout, cancellationToken);
    }
}
