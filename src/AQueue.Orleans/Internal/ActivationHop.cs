using System.Runtime.CompilerServices;

namespace AQueue.Orleans.Internal;

/// <summary>
/// <c>await new ActivationHop(scheduler)</c> continues on an activation's scheduler, as a task queued to it: how an
/// operation admitted by a grain's own queue on another thread gets back to its activation. Cheaper than starting a
/// task with a closure and unwrapping its result: the async method's own continuation is what runs.
/// </summary>
/// <param name="scheduler">The activation's scheduler.</param>
internal readonly struct ActivationHop(TaskScheduler scheduler) : ICriticalNotifyCompletion
{
    public ActivationHop GetAwaiter() => this;

    public bool IsCompleted => false;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) => Queue(continuation);

    public void UnsafeOnCompleted(Action continuation) => Queue(continuation);

    private void Queue(Action continuation) =>
        _ = Task.Factory.StartNew(continuation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);
}
