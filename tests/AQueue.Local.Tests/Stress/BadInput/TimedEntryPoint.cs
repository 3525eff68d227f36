namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// One public overload that takes a timeout, on its own fresh model, with a closure that counts its runs.
/// <see cref="Hold"/> occupies the model exclusively until the returned release is called, so a call must queue.
/// </summary>
internal sealed class TimedEntryPoint
{
    private int _runs;

    private TimedEntryPoint(string name, bool isSync)
    {
        Name = name;
        IsSync = isSync;
    }

    public static readonly string[] Names =
    [
        "Actor.InnerCallAsync(store)", "Actor.InnerCallAsync(store, ct)", "Actor.InnerCallAsync(store) void", "Actor.InnerCallAsync(store, ct) void", "IActor.InnerCallAsync(op)",
        "RwModel.CallAsync(view)", "RwModel.CallAsync(view, ct)", "IRwModel.CallAsync(op)",
        "RwModel.CallMutAsync(view)", "RwModel.CallMutAsync(view, ct)", "RwModel.CallMutAsync(view) void", "RwModel.CallMutAsync(view, ct) void", "IRwModel.CallMutAsync(op)",
        "RwModel.Call", "RwModel.CallMut", "RwModel.CallMut(Action)",
        "PCModel.CallAsync(view)", "PCModel.CallAsync(view, ct)", "PCModel.CallAsync(view) void", "PCModel.CallAsync(view, ct) void", "IPCModel.CallAsync(op)",
        "MutexQueue.RunAsync", "MutexQueue.RunAsync void", "SemaphoreQueue.RunAsync", "SemaphoreQueue.RunAsync void",
        "RwQueue.ReadAsync", "RwQueue.WriteAsync", "RwQueue.Read", "RwQueue.Write",
    ];

    public string Name { get; }

    public bool IsSync { get; }

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Makes the call; a sync overload runs on a pool thread so that the test can await it.</summary>
    public Func<TimeSpan, Task> Call { get; private set; } = null!;

    /// <summary>Occupies the model so the next call queues; the returned function releases it.</summary>
    public Func<Func<Task>> Hold { get; private set; } = null!;

    public static TimedEntryPoint Create(string name)
    {
        bool isSync = name is "RwModel.Call" or "RwModel.CallMut" or "RwModel.CallMut(Action)" or "RwQueue.Read" or "RwQueue.Write";
        var entry = new TimedEntryPoint(name, isSync);
        var actor = new Actor<int>(0);
        var rwModel = new RwModel<int>(0);
        var pcModel = new PCModel<int>(0, 1);
        var mutex = new MutexQueue();
        var semaphore = new SemaphoreQueue(1);
        var rwQueue = new RwQueue();

        int Ran() => Interlocked.Increment(ref entry._runs);
        ValueTask<int> RanAsync() => ValueTask.FromResult(Ran());
        ValueTask RanVoid()
        {
            Ran();
            return ValueTask.CompletedTask;
        }

        string owner = name.Split('.')[0].TrimStart('I');
        entry.Call = name switch
        {
            "Actor.InnerCallAsync(store)" => t => actor.InnerCallAsync(_ => RanAsync(), t).AsTask(),
            "Actor.InnerCallAsync(store, ct)" => t => actor.InnerCallAsync((_, _) => RanAsync(), t).AsTask(),
            "Actor.InnerCallAsync(store) void" => t => actor.InnerCallAsync(_ => RanVoid(), t).AsTask(),
            "Actor.InnerCallAsync(store, ct) void" => t => actor.InnerCallAsync((_, _) => RanVoid(), t).AsTask(),
            "IActor.InnerCallAsync(op)" => t => ((IActor<int>)actor).InnerCallAsync(new DelegateWriteOperation<int, int>((_, _) => RanAsync()), t).AsTask(),
            "RwModel.CallAsync(view)" => t => rwModel.CallAsync(_ => RanAsync(), t).AsTask(),
            "RwModel.CallAsync(view, ct)" => t => rwModel.CallAsync((_, _) => RanAsync(), t).AsTask(),
            "IRwModel.CallAsync(op)" => t => ((IRwModel<int>)rwModel).CallAsync(new DelegateReadOperation<int, int>((_, _) => RanAsync()), t).AsTask(),
            "RwModel.CallMutAsync(view)" => t => rwModel.CallMutAsync(_ => RanAsync(), t).AsTask(),
            "RwModel.CallMutAsync(view, ct)" => t => rwModel.CallMutAsync((_, _) => RanAsync(), t).AsTask(),
            "RwModel.CallMutAsync(view) void" => t => rwModel.CallMutAsync(_ => RanVoid(), t).AsTask(),
            "RwModel.CallMutAsync(view, ct) void" => t => rwModel.CallMutAsync((_, _) => RanVoid(), t).AsTask(),
            "IRwModel.CallMutAsync(op)" => t => ((IRwModel<int>)rwModel).CallMutAsync(new DelegateWriteOperation<int, int>((_, _) => RanAsync()), t).AsTask(),
            "RwModel.Call" => t => Task.Run(() => rwModel.Call(_ => Ran(), t)),
            "RwModel.CallMut" => t => Task.Run(() => rwModel.CallMut(_ => Ran(), t)),
            "RwModel.CallMut(Action)" => t => Task.Run(() => rwModel.CallMut(_ => { Ran(); }, t)),
            "PCModel.CallAsync(view)" => t => pcModel.CallAsync(_ => RanAsync(), t).AsTask(),
            "PCModel.CallAsync(view, ct)" => t => pcModel.CallAsync((_, _) => RanAsync(), t).AsTask(),
            "PCModel.CallAsync(view) void" => t => pcModel.CallAsync(_ => RanVoid(), t).AsTask(),
            "PCModel.CallAsync(view, ct) void" => t => pcModel.CallAsync((_, _) => RanVoid(), t).AsTask(),
            "IPCModel.CallAsync(op)" => t => ((IPCModel<int>)pcModel).CallAsync(new DelegateReadOperation<int, int>((_, _) => RanAsync()), t).AsTask(),
            "MutexQueue.RunAsync" => t => mutex.RunAsync(_ => RanAsync(), t).AsTask(),
            "MutexQueue.RunAsync void" => t => mutex.RunAsync(_ => RanVoid(), t).AsTask(),
            "SemaphoreQueue.RunAsync" => t => semaphore.RunAsync(_ => RanAsync(), t).AsTask(),
            "SemaphoreQueue.RunAsync void" => t => semaphore.RunAsync(_ => RanVoid(), t).AsTask(),
            "RwQueue.ReadAsync" => t => rwQueue.ReadAsync(_ => RanAsync(), t).AsTask(),
            "RwQueue.WriteAsync" => t => rwQueue.WriteAsync(_ => RanAsync(), t).AsTask(),
            "RwQueue.Read" => t => Task.Run(() => rwQueue.Read(Ran, t)),
            "RwQueue.Write" => t => Task.Run(() => rwQueue.Write(Ran, t)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown entry point."),
        };

        entry.Hold = () =>
        {
            var release = new TaskCompletionSource();
            Task held = owner switch
            {
                "Actor" => actor.InnerCallAsync(async _ => await release.Task).AsTask(),
                "RwModel" => rwModel.CallMutAsync(async _ => await release.Task).AsTask(),
                "PCModel" => pcModel.CallAsync(async _ => await release.Task).AsTask(),
                "MutexQueue" => mutex.RunAsync(async _ => await release.Task).AsTask(),
                "SemaphoreQueue" => semaphore.RunAsync(async _ => await release.Task).AsTask(),
                "RwQueue" => rwQueue.WriteAsync(async _ => { await release.Task; return 0; }).AsTask(),
                _ => throw new InvalidOperationException(owner),
            };
            return () =>
            {
                release.SetResult();
                return held;
            };
        };
        return entry;
    }

    public override string ToString() => Name;
}
