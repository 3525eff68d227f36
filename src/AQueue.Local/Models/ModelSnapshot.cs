using System.Globalization;

namespace AQueue.Local;

/// <summary>
/// Who holds a model (or queue) and who waits for it, at one moment: for a log line or a debugger when a call hangs.
/// Taking one costs about as much as an uncontended call; it does not stop or change anything.
/// </summary>
/// <param name="Holders">Closures running now: readers of an <see cref="RwModel{T}"/> or <see cref="RwQueue"/> (1 for a
/// write), slots in use of a <see cref="PCModel{T}"/> or <see cref="SemaphoreQueue"/>, 0 or 1 for an actor.</param>
/// <param name="IsWriteHeld">Whether a write runs now (reader-writer models and queues only).</param>
/// <param name="Waiting">Callers queued now, in arrival order behind the holders.</param>
/// <param name="IsWriteWaiting">Whether a write is among the waiters (reader-writer models and queues only): reads that
/// arrive now wait behind it.</param>
/// <param name="OldestWaiterAge">How long the first caller in the queue has waited (to the millisecond); null when nobody
/// waits.</param>
public readonly record struct ModelSnapshot(int Holders, bool IsWriteHeld, int Waiting, bool IsWriteWaiting, TimeSpan? OldestWaiterAge)
{
    /// <summary>A short description, e.g. <c>held by 1 (write), 3 waiting (a write among them), the oldest for 1.25 s</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string held = Holders == 0 ? "free" : IsWriteHeld ? "held by 1 (write)" : $"held by {Holders}";
        if (Waiting == 0)
        {
            return $"{held}, nobody waiting";
        }

        string age = OldestWaiterAge is { } wait ? $", the oldest for {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : "";
        return $"{held}, {Waiting} waiting{(IsWriteWaiting ? " (a write among them)" : "")}{age}";
    }

    internal static TimeSpan AgeSince(long queuedAt) => TimeSpan.FromMilliseconds(Math.Max(0, Environment.TickCount64 - queuedAt));
}
