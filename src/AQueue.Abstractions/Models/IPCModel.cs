namespace AQueue;

/// <summary>
/// A value that at most <see cref="MaxConcurrency"/> calls may use at once; the rest wait in arrival order.
/// Use it to bound parallelism over a thread-safe resource (a connection pool, an HTTP client, a model).
/// In-process an async semaphore queue. On Orleans the same queue inside a grain, as the registration's
/// <see cref="PCModelMapping"/> says: by default a stateless worker per key on each silo (the bound holds per silo),
/// or one activation per key for the cluster (<see cref="PCModelMapping.PerCluster"/>: the bound holds across it).
/// </summary>
/// <typeparam name="T">The type of the guarded value. Calls share it, so its members must be thread-safe.</typeparam>
public interface IPCModel<T> : IModel<T>
{
    /// <summary>The most calls that run at once for this key (on Orleans: on each silo, or across the cluster with
    /// <see cref="PCModelMapping.PerCluster"/>).</summary>
    /// <remarks>Known without waiting in-process, on an Orleans silo, on an Orleans client given the registry, and on
    /// one without it for every type its gateway silo had registered when the client started. Reading it never waits
    /// for a call: where only a silo knows the bound (an Orleans client without a registry, a type the silo did not
    /// report at start-up), a read before the first call to the model has returned asks the silo in the background
    /// and throws.</remarks>
    /// <exception cref="InvalidOperationException">The bound is not known here yet (Orleans, the case above); it is once a
    /// call to the model has returned.</exception>
    int MaxConcurrency { get; }

    /// <summary>Runs <paramref name="operation"/> once one of the <see cref="MaxConcurrency"/> slots is free.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="cancellationToken">Cancels the wait (the operation then never runs) and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="operation"/> within <paramref name="timeout"/>.</summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="operation">The operation to run.</param>
    /// <param name="timeout">The deadline for waiting and running together; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait and is passed to the operation.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    ValueTask<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, TimeSpan timeout, CancellationToken cancellationToken = default);
}
