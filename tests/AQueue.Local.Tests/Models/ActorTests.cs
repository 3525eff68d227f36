using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Models;

/// <summary><see cref="Actor{T}"/>: the seed's <c>Actor</c>, exclusive and FIFO, with a mutable view.</summary>
public sealed class ActorTests
{
    [Fact]
    public async Task Value_types_mutate_in_place_through_the_view()
    {
        var counter = new Actor<long>(0);
        await counter.InnerCallAsync(s => { s.Value += 1; return ValueTask.CompletedTask; });
        await counter.InnerCallAsync(async s => { await Task.Yield(); s.Value += 1; });
        long seen = await counter.InnerCallAsync((s, _) => { s.Value += 1; return new ValueTask<long>(s.Value); });
        Assert.Equal(3, seen);
        Assert.Equal(3, counter.DangerousGetInner());

        var point = new Actor<Point>(new Point(1, 2));
        await point.InnerCallAsync(s => { s.Value.X += 10; s.Value.Y *= 3; return ValueTask.CompletedTask; });
        Assert.Equal(new Point(11, 6), point.DangerousGetInner());
    }

    [Fact]
    public async Task Every_overload_runs_its_closure_and_passes_the_right_token()
    {
        var actor = new Actor<int>(0);
        using var cts = new CancellationTokenSource();
        TimeSpan timeout = TimeSpan.FromSeconds(30);

        Assert.Equal(1, await actor.InnerCallAsync(s => new ValueTask<int>(++s.Value), cts.Token));
        Assert.Equal(2, await actor.InnerCallAsync((s, token) => new ValueTask<int>(token == cts.Token ? ++s.Value : -1), cts.Token));
        await actor.InnerCallAsync(s => { s.Value++; return ValueTask.CompletedTask; }, cts.Token);
        await actor.InnerCallAsync((s, token) => { s.Value += token == cts.Token ? 1 : 100; return ValueTask.CompletedTask; }, cts.Token);
        Assert.Equal(5, await actor.InnerCallAsync(s => new ValueTask<int>(++s.Value), timeout, cts.Token));
        // Timed: the closure's token is cancelled at the deadline, so it can be cancelled even when the caller's cannot.
        Assert.Equal(6, await actor.InnerCallAsync((s, token) => new ValueTask<int>(token.CanBeCanceled ? ++s.Value : -1), timeout));
        await actor.InnerCallAsync(s => { s.Value++; return ValueTask.CompletedTask; }, timeout, cts.Token);
        await actor.InnerCallAsync((s, token) => { s.Value += token.CanBeCanceled ? 1 : 100; return ValueTask.CompletedTask; }, timeout);
        Assert.Equal(9, await actor.InnerCallAsync(new AddOperation(1), cts.Token));
        Assert.Equal(10, await actor.InnerCallAsync(new AddOperation(1), timeout, cts.Token));
        Assert.Equal(11, await actor.InnerCallAsync(new DelegateWriteOperation<int, int>((s, _) => new ValueTask<int>(++s.Value))));

        Assert.Equal(11, actor.DangerousGetInner());
    }

    [Fact]
    public async Task DangerousGetInner_bypasses_the_queue()
    {
        var actor = new Actor<int>(5);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task held = actor.InnerCallAsync(async _ => { started.SetResult(); await gate.Task.ConfigureAwait(false); }).AsTask();
        await started.Task;

        // No waiting, and a real reference: writes through it are seen by the next closure.
        ref int inner = ref actor.DangerousGetInner();
        Assert.Equal(5, inner);
        inner = 6;
        Assert.Equal(0, actor.WaitingCount);

        gate.SetResult();
        await held;
        Assert.Equal(6, await actor.InnerCallAsync(s => new ValueTask<int>(s.Value)));
    }

    [Fact]
    public async Task Kind_and_WaitingCount_describe_the_actor()
    {
        var actor = new Actor<int>(0);
        Assert.Equal(ModelKind.Actor, actor.Kind);
        IActor<int> contract = actor;
        Assert.Equal(1, await contract.InnerCallAsync(new AddOperation(1)));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task held = actor.InnerCallAsync(async _ => await gate.Task.ConfigureAwait(false)).AsTask();
        Task queued = actor.InnerCallAsync(_ => ValueTask.CompletedTask).AsTask();
        Assert.Equal(1, actor.WaitingCount);
        gate.SetResult();
        await Task.WhenAll(held, queued);
        Assert.Equal(0, actor.WaitingCount);
    }

    /// <summary>A small mutable struct: its fields must change in place, not on a copy.</summary>
    public record struct Point(int X, int Y);

    private sealed class AddOperation(int amount) : IWriteOperation<int, int>
    {
        public ValueTask<int> ExecuteAsync(RefMutInner<int> state, CancellationToken cancellationToken)
        {
            state.Value += amount;
            return new ValueTask<int>(state.Value);
        }
    }
}
