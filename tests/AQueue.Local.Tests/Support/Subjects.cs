using Xunit;

namespace AQueue.Local.Tests.Support;

/// <summary>
/// Every model and raw queue entry point as a <see cref="Subject"/>, by name, for theories: a behaviour the
/// spec asks of all of them is tested against all of them.
/// </summary>
public static class Subjects
{
    public const string Actor = "Actor.InnerCallAsync";
    public const string RwModelWrite = "RwModel.CallMutAsync";
    public const string RwModelRead = "RwModel.CallAsync";
    public const string PCModel = "PCModel(1).CallAsync";
    public const string MutexQueue = "MutexQueue.RunAsync";
    public const string SemaphoreQueue = "SemaphoreQueue(1).RunAsync";
    public const string RwQueueWrite = "RwQueue.WriteAsync";
    public const string RwQueueRead = "RwQueue.ReadAsync";

    private static readonly string[] s_all =
        [Actor, RwModelWrite, RwModelRead, PCModel, MutexQueue, SemaphoreQueue, RwQueueWrite, RwQueueRead];

    /// <summary>Every subject.</summary>
    public static TheoryData<string> All => [.. s_all];

    /// <summary>The subjects whose closures exclude each other (everything but reads).</summary>
    public static TheoryData<string> Exclusive => [.. s_all.Where(name => !Create(name).Shared)];

    /// <summary>The subjects that also have a blocking form.</summary>
    public static TheoryData<string> WithSync => [.. s_all.Where(name => Create(name).RunSync is not null)];

    /// <summary>A fresh model or queue, seen as the named subject.</summary>
    public static Subject Create(string name)
    {
        switch (name)
        {
            case Actor:
            {
                var actor = new Actor<int>(0);
                return new Subject
                {
                    Name = name,
                    Shared = false,
                    Run = (body, ct) => actor.InnerCallAsync((_, token) => body(token), ct),
                    RunTimed = (body, timeout, ct) => actor.InnerCallAsync((_, token) => body(token), timeout, ct),
                    RunExclusive = (body, ct) => actor.InnerCallAsync((_, token) => body(token), ct),
                    WaitingCount = () => actor.WaitingCount,
                    Snapshot = () => actor.GetSnapshot(),
                };
            }

            case RwModelWrite:
            case RwModelRead:
            {
                var model = new RwModel<int>(0);
                bool read = name == RwModelRead;
                return new Subject
                {
                    Name = name,
                    Shared = read,
                    Run = read
                        ? (body, ct) => model.CallAsync((_, token) => body(token), ct)
                        : (body, ct) => model.CallMutAsync((_, token) => body(token), ct),
                    RunTimed = read
                        ? (body, timeout, ct) => model.CallAsync((_, token) => body(token), timeout, ct)
                        : (body, timeout, ct) => model.CallMutAsync((_, token) => body(token), timeout, ct),
                    RunExclusive = (body, ct) => model.CallMutAsync((_, token) => body(token), ct),
                    RunSync = read
                        ? (body, timeout, ct) => model.Call(_ => body(), timeout, ct)
                        : (body, timeout, ct) => model.CallMut(_ => body(), timeout, ct),
                    WaitingCount = () => model.WaitingCount,
                    Snapshot = () => model.GetSnapshot(),
                };
            }

            case PCModel:
            {
                var model = new PCModel<int>(0, 1);
                return new Subject
                {
                    Name = name,
                    Shared = false,
                    Run = (body, ct) => model.CallAsync((_, token) => body(token), ct),
                    RunTimed = (body, timeout, ct) => model.CallAsync((_, token) => body(token), timeout, ct),
                    RunExclusive = (body, ct) => model.CallAsync((_, token) => body(token), ct),
                    WaitingCount = () => model.WaitingCount,
                    Snapshot = () => model.GetSnapshot(),
                };
            }

            case MutexQueue:
            {
                var queue = new MutexQueue();
                return new Subject
                {
                    Name = name,
                    Shared = false,
                    Run = (body, ct) => queue.RunAsync(body, ct),
                    RunTimed = (body, timeout, ct) => queue.RunAsync(body, timeout, ct),
                    RunExclusive = (body, ct) => queue.RunAsync(body, ct),
                    WaitingCount = () => queue.WaitingCount,
                    Snapshot = () => queue.GetSnapshot(),
                };
            }

            case SemaphoreQueue:
            {
                var queue = new SemaphoreQueue(1);
                return new Subject
                {
                    Name = name,
                    Shared = false,
                    Run = (body, ct) => queue.RunAsync(body, ct),
                    RunTimed = (body, timeout, ct) => queue.RunAsync(body, timeout, ct),
                    RunExclusive = (body, ct) => queue.RunAsync(body, ct),
                    WaitingCount = () => queue.WaitingCount,
                    Snapshot = () => queue.GetSnapshot(),
                };
            }

            case RwQueueWrite:
            case RwQueueRead:
            {
                var queue = new RwQueue();
                bool read = name == RwQueueRead;
                return new Subject
                {
                    Name = name,
                    Shared = read,
                    Run = read ? (body, ct) => queue.ReadAsync(body, ct) : (body, ct) => queue.WriteAsync(body, ct),
                    RunTimed = read
                        ? (body, timeout, ct) => queue.ReadAsync(body, timeout, ct)
                        : (body, timeout, ct) => queue.WriteAsync(body, timeout, ct),
                    RunExclusive = (body, ct) => queue.WriteAsync(body, ct),
                    RunSync = read
                        ? (body, timeout, ct) => queue.Read(body, timeout, ct)
                        : (body, timeout, ct) => queue.Write(body, timeout, ct),
                    WaitingCount = () => queue.WaitingCount,
                    Snapshot = () => queue.GetSnapshot(),
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown subject.");
        }
    }
}
