using System.Diagnostics;
using AQueue.Local.Internal;
using AQueue.Local.Internal.Invokers;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local;

/// <summary>
/// A value that many reads may share and one write at a time may change: the in-process
/// <see cref="IRwModel{T}"/>, built on an <see cref="RwQueue"/>. Once a write waits, reads that arrive after it
/// wait behind it, so writes are never starved.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
/// <example>
/// <code>
/// var model = new RwModel&lt;Dictionary&lt;string, int&gt;&gt;(new());
/// await model.CallMutAsync(s =&gt; { s.Value["a"] = 1; return ValueTask.CompletedTask; });
/// int a = await model.CallAsync(s =&gt; new ValueTask&lt;int&gt;(s.Value["a"]));
/// int b = model.Call(s =&gt; s.Value["a"]); // blocks the thread instead of awaiting
/// </code>
/// </example>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class RwModel<T> : IRwModel<T>
{
    private readonly InnerStore<T> _store;
    private readonly RwQueue _queue = new();

    /// <summary>Creates a model around <paramref name="value"/>.</summary>
    /// <param name="value">The initial value.</param>
    /// <remarks>It reports to the process-wide <see cref="AQueueDiagnostics.MeterName"/> meter (and activity source) while
    /// something listens; a model from <c>AddAQueueLocal</c>'s provider reports to the host's meter.</remarks>
    public RwModel(T value)
        : this(value, SharedTelemetry<T>.RwModel)
    {
    }

    internal RwModel(T value, ModelTelemetry telemetry)
    {
        _store = new InnerStore<T>(value);
        _queue.Telemetry = telemetry;
    }

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.RwModel;

    /// <summary>How many calls wait right now.</summary>
    public int WaitingCount => _queue.WaitingCount;

    /// <summary>Who holds the model and who waits for it, taken at once: for a log line or a debugger when a call hangs.</summary>
    /// <returns>The snapshot; <see cref="ModelSnapshot.ToString"/> gives it as one line.</returns>
    public ModelSnapshot GetSnapshot() => _queue.GetSnapshot();

    private string DebuggerDisplay => $"RwModel<{typeof(T).Name}>: {_queue.PeekSnapshot()}";

    /// <summary>Runs <paramref name="body"/> with shared access: beside other reads, never beside a write.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a read-only view.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the closure started.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this model's closures.</exception>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<ReadMode, ViewInvoker<RefInner<T>, TResult>, TResult>(_queue.ReadMode, new(body, _store.AsRef()), cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<ReadMode, ViewTokenInvoker<RefInner<T>, TResult>, TResult>(_queue.ReadMode, new(body, _store.AsRef()), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with shared access, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a read-only view.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none;
    /// <see cref="TimeSpan.Zero"/> always times out without running.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<ReadMode, ViewInvoker<RefInner<T>, TResult>, TResult>(_queue.ReadMode, new(body, _store.AsRef()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="CallAsync{TResult}(Func{RefInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask<TResult> CallAsync<TResult>(Func<RefInner<T>, CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<ReadMode, ViewTokenInvoker<RefInner<T>, TResult>, TResult>(_queue.ReadMode, new(body, _store.AsRef()), timeout, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<ReadMode, ReadOperationInvoker<T, TResult>, TResult>(_queue.ReadMode, new(operation, _store), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<ReadMode, ReadOperationInvoker<T, TResult>, TResult>(_queue.ReadMode, new(operation, _store), timeout, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access: no read or other write runs beside it.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a mutable view.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the closure started.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this model's closures.</exception>
    public ValueTask<TResult> CallMutAsync<TResult>(Func<RefMutInner<T>, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<WriteMode, ViewInvoker<RefMutInner<T>, TResult>, TResult>(_queue.WriteMode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <inheritdoc cref="CallMutAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask<TResult> CallMutAsync<TResult>(Func<RefMutInner<T>, CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<WriteMode, ViewTokenInvoker<RefMutInner<T>, TResult>, TResult>(_queue.WriteMode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <inheritdoc cref="CallMutAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask CallMutAsync(Func<RefMutInner<T>, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<WriteMode, ViewVoidInvoker<RefMutInner<T>>>(_queue.WriteMode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <inheritdoc cref="CallMutAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask CallMutAsync(Func<RefMutInner<T>, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<WriteMode, ViewTokenVoidInvoker<RefMutInner<T>>>(_queue.WriteMode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a mutable view.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none;
    /// <see cref="TimeSpan.Zero"/> always times out without running.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first. The closure's token is cancelled; a closure
    /// that had started keeps the model locked until it returns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    public ValueTask<TResult> CallMutAsync<TResult>(Func<RefMutInner<T>, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<WriteMode, ViewInvoker<RefMutInner<T>, TResult>, TResult>(_queue.WriteMode, new(body, _store.AsMut()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="CallMutAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask<TResult> CallMutAsync<TResult>(Func<RefMutInner<T>, CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<WriteMode, ViewTokenInvoker<RefMutInner<T>, TResult>, TResult>(_queue.WriteMode, new(body, _store.AsMut()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="CallMutAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask CallMutAsync(Func<RefMutInner<T>, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<WriteMode, ViewVoidInvoker<RefMutInner<T>>, VoidResult>(_queue.WriteMode, new(body, _store.AsMut()), timeout, cancellationToken));
    }

    /// <inheritdoc cref="CallMutAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask CallMutAsync(Func<RefMutInner<T>, CancellationToken, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<WriteMode, ViewTokenVoidInvoker<RefMutInner<T>>, VoidResult>(_queue.WriteMode, new(body, _store.AsMut()), timeout, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<WriteMode, WriteOperationInvoker<T, TResult>, TResult>(_queue.WriteMode, new(operation, _store), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<WriteMode, WriteOperationInvoker<T, TResult>, TResult>(_queue.WriteMode, new(operation, _store), timeout, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="body"/> with shared access, blocking the calling thread until it may (a brief spin,
    /// then a real wait). Mixes freely with the async calls.
    /// </summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a read-only view.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentException"><paramref name="body"/> is an async lambda: use <c>CallAsync</c>.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this model's closures.</exception>
    public TResult Call<TResult>(Func<RefInner<T>, TResult> body, CancellationToken cancellationToken = default) =>
        Call(body, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Runs <paramref name="body"/> with shared access, blocking at most <paramref name="timeout"/> for it.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a read-only view.</param>
    /// <param name="timeout">How long to wait; a synchronous closure, once started, runs to its end.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The wait outlasted <paramref name="timeout"/>.</exception>
    public TResult Call<TResult>(Func<RefInner<T>, TResult> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        SyncResultGuard<TResult>.ThrowIfAwaitable(nameof(body));
        return Runner.Run(_queue.ReadMode, body, new RefInner<T>(_store), timeout, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="body"/> with exclusive access, blocking the calling thread until it may (a brief
    /// spin, then a real wait). Mixes freely with the async calls.
    /// </summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a mutable view.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="ArgumentException"><paramref name="body"/> is an async lambda: use <c>CallMutAsync</c>.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this model's closures.</exception>
    public TResult CallMut<TResult>(Func<RefMutInner<T>, TResult> body, CancellationToken cancellationToken = default) =>
        CallMut(body, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Runs <paramref name="body"/> with exclusive access, blocking at most <paramref name="timeout"/> for it.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives a mutable view.</param>
    /// <param name="timeout">How long to wait; a synchronous closure, once started, runs to its end.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The wait outlasted <paramref name="timeout"/>.</exception>
    public TResult CallMut<TResult>(Func<RefMutInner<T>, TResult> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        SyncResultGuard<TResult>.ThrowIfAwaitable(nameof(body));
        return Runner.Run(_queue.WriteMode, body, new RefMutInner<T>(_store), timeout, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access, blocking the calling thread until it may.</summary>
    /// <param name="body">The closure; it receives a mutable view.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    public void CallMut(Action<RefMutInner<T>> body, CancellationToken cancellationToken = default) =>
        CallMut(body, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Runs <paramref name="body"/> with exclusive access, blocking at most <paramref name="timeout"/> for it.</summary>
    /// <param name="body">The closure; it receives a mutable view.</param>
    /// <param name="timeout">How long to wait; a synchronous closure, once started, runs to its end.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <exception cref="TimeoutException">The wait outlasted <paramref name="timeout"/>.</exception>
    public void CallMut(Action<RefMutInner<T>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        Runner.Run(_queue.WriteMode, static state => { state.Body(state.View); return 0; }, (Body: body, View: new RefMutInner<T>(_store)), timeout, cancellationToken);
    }
}
