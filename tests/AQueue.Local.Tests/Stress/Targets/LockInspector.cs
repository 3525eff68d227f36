using System.Reflection;

namespace AQueue.Local.Tests.Stress.Targets;

/// <summary>
/// Reaches the queue inside a model, whose public state (IsHeld, CurrentCount, CurrentReaderCount,
/// IsWriteHeld) the model itself does not expose. Reflection on a private field: if the field is renamed this
/// fails loudly, never silently.
/// </summary>
internal static class LockInspector
{
    public static TQueue QueueOf<TQueue>(object model)
        where TQueue : class
    {
        FieldInfo field = model.GetType().GetField("_queue", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{model.GetType()} has no private field _queue: update LockInspector.");
        return field.GetValue(model) as TQueue
            ?? throw new InvalidOperationException($"{model.GetType()}._queue is not a {typeof(TQueue).Name}: update LockInspector.");
    }

    public static string? Busy(SemaphoreQueue queue) =>
        queue.CurrentCount == queue.MaxConcurrency && queue.WaitingCount == 0
            ? null
            : $"CurrentCount {queue.CurrentCount} of {queue.MaxConcurrency}, WaitingCount {queue.WaitingCount}";

    public static string? Busy(MutexQueue queue) =>
        !queue.IsHeld && queue.WaitingCount == 0 ? null : $"IsHeld {queue.IsHeld}, WaitingCount {queue.WaitingCount}";

    public static string? Busy(RwQueue queue) =>
        queue.CurrentReaderCount == 0 && !queue.IsWriteHeld && queue.WaitingCount == 0
            ? null
            : $"CurrentReaderCount {queue.CurrentReaderCount}, IsWriteHeld {queue.IsWriteHeld}, WaitingCount {queue.WaitingCount}";
}
