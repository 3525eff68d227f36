using System.Runtime.CompilerServices;

namespace AQueue.Local.Internal;

/// <summary>The result of a closure that returns nothing, so one runner serves both shapes.</summary>
internal readonly struct VoidResult
{
    public static ValueTask<VoidResult> From(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return default;
        }

        return Await(task);

        // Pooled: this task is awaited once, inside the runner, never handed to a caller.
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        static async ValueTask<VoidResult> Await(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    public static ValueTask ToValueTask(ValueTask<VoidResult> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return default;
        }

        return Await(task);

        static async ValueTask Await(ValueTask<VoidResult> task) => await task.ConfigureAwait(false);
    }
}
