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

    /// <summary>Runs <paramref name="body"/> on <paramref name="scheduler"/>, from elsewhere; the body's own awaits stay there.</summary>
    // Pooled: a call's state machine is reused by later calls, so the hop back costs one task, no closure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<TResult> RunAsync<TState, TResult>(TaskScheduler scheduler, TState state, Func<TState, ValueTask<TResult>> body)
    {
        // Grain code from here: no ConfigureAwait(false), so the operation's continuations stay on the activation.
        await new ActivationHop(scheduler);
        return await body(state);
    }

    private void Queue(Action continuation) =>
        _ = Task.Factory.StartNew(continuation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);
}
