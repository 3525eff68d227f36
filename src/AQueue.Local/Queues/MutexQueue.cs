namespace AQueue.Local;

/// <summary>
/// An async mutex queue: closures run one at a time, strictly in arrival order, each to completion across
/// every <c>await</c> inside it. The low-level primitive behind <see cref="Actor{T}"/>: a
/// <see cref="SemaphoreQueue"/> with one slot.
/// </summary>
/// <example>
/// <code>
/// var queue = new MutexQueue();
/// int total = 0;
/// await queue.RunAsync(async ct => { await Task.Yield(); total++; });
/// </code>
/// </example>
[System.Diagnostics.DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class MutexQueue : SemaphoreQueue
{
    /// <summary>Creates an unlocked queue.</summary>
    public MutexQueue()
        : base(1)
    {
    }

    /// <summary>Whether a closure holds the queue right now.</summary>
    public bool IsHeld => CurrentCount == 0;
}
