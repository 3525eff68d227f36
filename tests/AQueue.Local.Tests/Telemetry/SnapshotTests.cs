using Xunit;

namespace AQueue.Local.Tests.Telemetry;

/// <summary>"Who holds it, who waits": a model's snapshot and its debugger display say what runs and what queues.</summary>
public sealed class SnapshotTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_reader_writer_model_shows_its_reader_a_waiting_write_and_the_reads_queued_behind_it()
    {
        var model = new RwModel<long>(0);
        Assert.Equal(new ModelSnapshot(0, false, 0, false, null), model.GetSnapshot());
        Assert.Equal("free, nobody waiting", model.GetSnapshot().ToString());

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task reader = model.CallAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }).AsTask();
        await started.Task;
        Task writer = model.CallMutAsync(static s => { s.Value++; return ValueTask.CompletedTask; }).AsTask();
        Task lateReader = model.CallAsync(static s => new ValueTask<long>(s.Value)).AsTask();

        ModelSnapshot snapshot = model.GetSnapshot();
        Assert.Equal(1, snapshot.Holders);
        Assert.False(snapshot.IsWriteHeld);
        Assert.Equal(2, snapshot.Waiting);
        Assert.True(snapshot.IsWriteWaiting);
        Assert.NotNull(snapshot.OldestWaiterAge);
        Assert.InRange(snapshot.OldestWaiterAge.Value, TimeSpan.Zero, Patience);
        Assert.StartsWith("held by 1, 2 waiting (a write among them), the oldest for ", snapshot.ToString());

        release.SetResult();
        await Task.WhenAll(reader, writer, lateReader).WaitAsync(Patience);
        Assert.Equal(new ModelSnapshot(0, false, 0, false, null), model.GetSnapshot());
    }

    [Fact]
    public async Task An_actor_shows_its_holder_and_how_long_the_oldest_caller_has_waited()
    {
        var actor = new Actor<long>(0);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task holder = actor.InnerCallAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
        }).AsTask();
        await started.Task;
        Task queued = actor.InnerCallAsync(static s => { s.Value++; return ValueTask.CompletedTask; }).AsTask();
        long queuedAt = Environment.TickCount64;

        // The age grows while the caller waits (the clock counts milliseconds).
        while (Environment.TickCount64 - queuedAt < 30)
        {
            Thread.Sleep(5);
        }

        ModelSnapshot snapshot = actor.GetSnapshot();
        Assert.Equal((1, 1), (snapshot.Holders, snapshot.Waiting));
        Assert.False(snapshot.IsWriteWaiting);
        Assert.True(snapshot.OldestWaiterAge >= TimeSpan.FromMilliseconds(15), $"the oldest caller's age is {snapshot.OldestWaiterAge}");

        release.SetResult();
        await Task.WhenAll(holder, queued).WaitAsync(Patience);
        Assert.Equal(new ModelSnapshot(0, false, 0, false, null), actor.GetSnapshot());
    }

    [Fact]
    public void Models_and_queues_show_their_snapshot_in_the_debugger()
    {
        var queue = new SemaphoreQueue(3);
        Assert.Equal("SemaphoreQueue(3): free, nobody waiting", queue.DebuggerDisplay);
        Assert.Equal("MutexQueue: free, nobody waiting", new MutexQueue().DebuggerDisplay);
        Assert.Equal("RwQueue: free, nobody waiting", new RwQueue().DebuggerDisplay);
        foreach (Type type in new[] { typeof(Actor<>), typeof(RwModel<>), typeof(PCModel<>), typeof(MutexQueue), typeof(SemaphoreQueue), typeof(RwQueue) })
        {
            var display = (System.Diagnostics.DebuggerDisplayAttribute?)Attribute.GetCustomAttribute(type, typeof(System.Diagnostics.DebuggerDisplayAttribute), inherit: false);
            Assert.True(display is not null, $"{type.Name} has no [DebuggerDisplay]");
        }

        var model = new PCModel<long>(0, 2);
        var displayProperty = typeof(PCModel<long>).GetProperty("DebuggerDisplay", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.Equal("PCModel<Int64>: free, nobody waiting", displayProperty.GetValue(model));
    }
}
