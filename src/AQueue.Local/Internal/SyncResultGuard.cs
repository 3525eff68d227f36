namespace AQueue.Local.Internal;

/// <summary>
/// Rejects an async lambda passed to a synchronous call. It would compile (the result type becomes a task),
/// but the lock would be released when the task is returned, not when it completes: a silent race.
/// </summary>
internal static class SyncResultGuard<TResult>
{
    private static readonly bool s_isAwaitable =
        typeof(Task).IsAssignableFrom(typeof(TResult)) ||
        typeof(TResult) == typeof(ValueTask) ||
        (typeof(TResult).IsGenericType && typeof(TResult).GetGenericTypeDefinition() == typeof(ValueTask<>));

    public static void ThrowIfAwaitable(string paramName)
    {
        if (s_isAwaitable)
        {
            throw new ArgumentException(
                $"The closure returns {typeof(TResult).Name}: a synchronous call would release the lock before that task completes. " +
                "Use the async call (CallAsync / CallMutAsync) for async closures.", paramName);
        }
    }
}
