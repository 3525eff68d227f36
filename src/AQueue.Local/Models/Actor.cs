using System.Diagnostics;
using AQueue.Local.Internal;
using AQueue.Local.Internal.Invokers;
using AQueue.Local.Internal.Telemetry;

namespace AQueue.Local;

/// <summary>
/// A value that one closure at a time may use, in arrival order: the in-process <see cref="IActor{T}"/>,
/// built on a <see cref="MutexQueue"/>. Closures receive a <see cref="RefMutInner{T}"/> (as operations do) and may change the
/// value in place, across any number of awaits.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
/// <example>
/// <code>
/// var counter = new Actor&lt;long&gt;(0);
/// await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =&gt; Task.Run(async () =&gt;
/// {
///     for (int i = 0; i &lt; 1000; i++)
///         await counter.InnerCallAsync(s =&gt; { s.Value++; return ValueTask.CompletedTask; });
/// })));
/// long total = await counter.InnerCallAsync(s =&gt; new ValueTask&lt;long&gt;(s.Value)); // 4000
/// </code>
/// </example>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class Actor<T> : IActor<T>
{
    private readonly InnerStore<T> _store;
    private readonly MutexQueue _queue = new();

    /// <summary>Creates an actor around <paramref name="value"/>.</summary>
    /// <param name="value">The initial value.</param>
    /// <remarks>It reports to the process-wide <see cref="AQueueDiagnostics.MeterName"/> meter (and activity source) while
    /// something listens; an actor from <c>AddAQueueLocal</c>'s provider reports to the host's meter.</remarks>
    public Actor(T value)
        : this(value, SharedTelemetry<T>.Actor)
    {
    }

    internal Actor(T value, ModelTelemetry telemetry)
    {
        _store = new InnerStore<T>(value);
        _queue.Telemetry = telemetry;
    }

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.Actor;

    /// <summary>How many calls wait right now.</summary>
    public int WaitingCount => _queue.WaitingCount;

    /// <summary>Who holds the model and who waits for it, taken at once: for a log line or a debugger when a call hangs.</summary>
    /// <returns>The snapshot; <see cref="ModelSnapshot.ToString"/> gives it as one line.</returns>
    public ModelSnapshot GetSnapshot() => _queue.GetSnapshot();

    private string DebuggerDisplay => $"Actor<{typeof(T).Name}>: {_queue.PeekSnapshot()}";

    /// <summary>Runs <paramref name="body"/> with exclusive access, after every call that arrived before it.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives the value's store.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result. An uncontended call whose closure completes synchronously completes
    /// synchronously and allocates nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the closure started.</exception>
    /// <exception cref="ModelReentrancyException">Called from inside one of this actor's closures.</exception>
    public ValueTask<TResult> InnerCallAsync<TResult>(Func<RefMutInner<T>, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewInvoker<RefMutInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <inheritdoc cref="InnerCallAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    /// <remarks>The closure also receives <paramref name="cancellationToken"/>.</remarks>
    public ValueTask<TResult> InnerCallAsync<TResult>(Func<RefMutInner<T>, CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewTokenInvoker<RefMutInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <inheritdoc cref="InnerCallAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask InnerCallAsync(Func<RefMutInner<T>, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<PermitMode, ViewVoidInvoker<RefMutInner<T>>>(_queue.Mode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <inheritdoc cref="InnerCallAsync{TResult}(Func{RefMutInner{T}, CancellationToken, ValueTask{TResult}}, CancellationToken)"/>
    public ValueTask InnerCallAsync(Func<RefMutInner<T>, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunVoidAsync<PermitMode, ViewTokenVoidInvoker<RefMutInner<T>>>(_queue.Mode, new(body, _store.AsMut()), cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> with exclusive access, within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The closure's result type.</typeparam>
    /// <param name="body">The closure; it receives the value's store.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none;
    /// <see cref="TimeSpan.Zero"/> always times out without running.</param>
    /// <param name="cancellationToken">Cancels the wait; the closure then never runs.</param>
    /// <returns>The closure's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first. The closure's token is cancelled; a closure
    /// that had started keeps the actor locked until it returns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    public ValueTask<TResult> InnerCallAsync<TResult>(Func<RefMutInner<T>, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewInvoker<RefMutInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsMut()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="InnerCallAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    /// <remarks>The closure also receives the call's token, which is cancelled at the deadline.</remarks>
    public ValueTask<TResult> InnerCallAsync<TResult>(Func<RefMutInner<T>, CancellationToken, ValueTask<TResult>> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Runner.RunAsync<PermitMode, ViewTokenInvoker<RefMutInner<T>, TResult>, TResult>(_queue.Mode, new(body, _store.AsMut()), timeout, cancellationToken);
    }

    /// <inheritdoc cref="InnerCallAsync{TResult}(Func{RefMutInner{T}, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask InnerCallAsync(Func<RefMutInner<T>, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<PermitMode, ViewVoidInvoker<RefMutInner<T>>, VoidResult>(_queue.Mode, new(body, _store.AsMut()), timeout, cancellationToken));
    }

    /// <inheritdoc cref="InnerCallAsync{TResult}(Func{RefMutInner{T}, CancellationToken, ValueTask{TResult}}, TimeSpan, CancellationToken)"/>
    public ValueTask InnerCallAsync(Func<RefMutInner<T>, CancellationToken, ValueTask> body, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VoidResult.ToValueTask(Runner.RunAsync<PermitMode, ViewTokenVoidInvoker<RefMutInner<T>>, VoidResult>(_queue.Mode, new(body, _store.AsMut()), timeout, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<PermitMode, WriteOperationInvoker<T, TResult>, TResult>(_queue.Mode, new(operation, _store), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> InnerCallAsync<TResult>(IWriteOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Runner.RunAsync<PermitMode, WriteOperationInvoker<T, TResult>, TResult>(_queue.Mode, new(operation, _store), timeout, cancellationToken);
    }

    /// <summary>
    /// A reference to the value that bypasses the queue. Dangerous: nothing stops it racing with a running
    /// closure. Use it only where no call can run, such as setup, shutdown or a single-threaded test.
    /// </summary>
    /// <returns>A reference to the guarded value.</returns>
    public ref T DangerousGetInner() => ref _store.Value;
}
