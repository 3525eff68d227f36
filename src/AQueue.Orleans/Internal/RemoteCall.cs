namespace AQueue.Orleans.Internal;

/// <summary>
/// What every proxy does around a grain call: reject what cannot cross the wire before sending anything, apply the
/// caller's deadline, and turn Orleans' serializer failures into errors that say what to do.
/// </summary>
internal static class RemoteCall
{
    /// <summary>Throws when <paramref name="operation"/> is null or can only run in-process.</summary>
    /// <exception cref="NotSupportedException"><paramref name="operation"/> wraps a delegate.</exception>
    public static void Validate(object operation, Type operationInterface)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation is ILocalOnlyOperation)
        {
            throw new NotSupportedException(
                $"{operation.GetType().Name} wraps a delegate, and a delegate cannot be sent to an Orleans silo. " +
                $"Write the operation as a small [GenerateSerializer] type that implements {SerializationErrors.Describe(operationInterface)} " +
                "(its fields marked [Id(n)]), or use the in-process backend (services.AddAQueueLocal).");
        }
    }

    /// <summary>Makes the call with the caller's token, which Orleans carries to the silo.</summary>
    public static async ValueTask<TResult> RunAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, CancellationToken cancellationToken)
    {
        try
        {
            return await call(state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SerializationErrors.TryExplain(exception, site, out Exception? explained))
        {
            throw explained;
        }
    }

    /// <summary>
    /// Makes the call with a token cancelled at the deadline. Orleans carries the cancellation to the silo: a request
    /// still queued there is dropped and never runs; a running operation sees its token cancelled and keeps the
    /// model until it returns. The caller gets <see cref="TimeoutException"/> when the deadline, not its own token,
    /// cancelled the call.
    /// </summary>
    public static ValueTask<TResult> RunAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (CallDeadline.IsInfinite(timeout))
        {
            return RunAsync(call, state, site, cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (timeout == TimeSpan.Zero)
        {
            // As in-process: a deadline that has already passed times the call out without running it.
            return ValueTask.FromException<TResult>(CallDeadline.Expired(timeout));
        }

        return RunWithDeadlineAsync(call, state, site, timeout, cancellationToken);
    }

    private static async ValueTask<TResult> RunWithDeadlineAsync<TState, TResult>(
        Func<TState, CancellationToken, Task<TResult>> call, TState state, CallSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource deadline = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        deadline.CancelAfter(timeout);
        try
        {
            return await RunAsync(call, state, site, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw CallDeadline.Expired(timeout, exception);
        }
    }
}
