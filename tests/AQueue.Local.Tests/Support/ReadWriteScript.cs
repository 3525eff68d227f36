namespace AQueue.Local.Tests.Support;

/// <summary>
/// Drives reads and writes on a reader-writer <see cref="Subject"/> step by step: each closure records itself
/// in <see cref="Probe"/> and runs until the test finishes it by id.
/// </summary>
public sealed class ReadWriteScript(Subject subject)
{
    private readonly Dictionary<int, TaskCompletionSource> _gates = [];

    public Subject Subject { get; } = subject;

    public ConcurrencyProbe Probe { get; } = new();

    /// <summary>Queues (or starts) a read that runs until <see cref="Finish"/> names it.</summary>
    public Task Read(int id, CancellationToken cancellationToken = default) =>
        Subject.Run(Body(id, exclusive: false), cancellationToken).AsTask();

    /// <summary>Queues (or starts) a write that runs until <see cref="Finish"/> names it.</summary>
    public Task Write(int id, CancellationToken cancellationToken = default) =>
        Subject.RunExclusive(Body(id, exclusive: true), cancellationToken).AsTask();

    /// <summary>Lets the named closures return.</summary>
    public void Finish(params int[] ids)
    {
        foreach (int id in ids)
        {
            Gate(id).TrySetResult();
        }
    }

    /// <summary>Waits until every named closure runs.</summary>
    public Task UntilRunning(params int[] ids) =>
        Poll.UntilAsync(() => ids.All(Probe.Started), $"{string.Join(", ", ids)} run");

    /// <summary>
    /// Waits until the lock shows <paramref name="holders"/> running (a write when <paramref name="writeHeld"/>) and
    /// <paramref name="waiting"/> queued (a write among them when <paramref name="writeWaiting"/>); fails if it never does.
    /// The lock grants and cancels under its monitor, in the release or cancel that decides, before any closure it lets in
    /// starts: a caller wrongly let in shows here at once, and nothing lets one in later until the test's next step.
    /// </summary>
    public Task UntilLock(int holders, int waiting, bool writeHeld = false, bool writeWaiting = false)
    {
        var expected = new ModelSnapshot(holders, writeHeld, waiting, writeWaiting, OldestWaiterAge: null);
        return Poll.UntilAsync(() => Subject.Snapshot() with { OldestWaiterAge = null } == expected, $"the lock is {expected}");
    }

    private Func<CancellationToken, ValueTask<int>> Body(int id, bool exclusive)
    {
        TaskCompletionSource gate = Gate(id);
        return async _ =>
        {
            Probe.Enter(id, exclusive);
            await gate.Task.ConfigureAwait(false);
            Probe.Exit(id, exclusive);
            return id;
        };
    }

    private TaskCompletionSource Gate(int id)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(id, out TaskCompletionSource? gate))
            {
                gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _gates[id] = gate;
            }

            return gate;
        }
    }
}
