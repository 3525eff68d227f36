using System.Runtime.CompilerServices;

namespace AQueue.Orleans.Internal;

/// <summary>
/// <c>await new ThreadPoolHop()</c> continues on the thread pool, whatever scheduler the caller runs on (a grain's
/// activation scheduler, where <c>Task.Yield</c> would stay). Cheaper than <c>Task.Run</c>: no task, no closure; the
/// async method's own machinery flows the execution context.
/// </summary>
internal readonly struct ThreadPoolHop : ICriticalNotifyCompletion
{
    public ThreadPoolHop GetAwaiter() => this;

    public bool IsCompleted => false;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) =>
        ThreadPool.QueueUserWorkItem(static c => c(), continuation, preferLocal: false);

    public void UnsafeOnCompleted(Action continuation) =>
        ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: false);
}
