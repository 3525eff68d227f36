using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Models;

/// <summary><see cref="PCModel{T}"/>: at most n closures at once, the rest in arrival order; <see cref="PCModel{T}.Inner"/> takes no permit.</summary>
public sealed class PCModelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Fewer_than_one_permit_is_rejected(int n)
    {
        Assert.Equal("maxConcurrency", Assert.Throws<ArgumentOutOfRangeException>(() => new PCModel<int>(0, n)).ParamName);
        Assert.Equal("maxConcurrency", Assert.Throws<ArgumentOutOfRangeException>(() => new SemaphoreQueue(n)).ParamName);
    }

    [Fact]
    public async Task At_most_n_closures_run_at_once()
    {
        var model = new PCModel<string>("shared", 3);
        var probe = new ConcurrencyProbe();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            for (int j = 0; j < 5; j++)
            {
                await model.CallAsync(async s =>
                {
                    probe.Enter(i);
                    await Task.Delay(2).ConfigureAwait(false);
                    probe.Exit(i);
                    return s.Value;
                });
            }
        })));

        Assert.Equal(3, probe.MaxConcurrent);
        Assert.Equal(3, model.MaxConcurrency);
        Assert.Equal(0, model.WaitingCount);
    }

    [Fact]
    public async Task Waiters_beyond_the_bound_start_in_arrival_order_and_k_releases_wake_k_waiters()
    {
        var model = new PCModel<int>(0, 3);
        var probe = new ConcurrencyProbe();
        var gates = Enumerable.Range(0, 9).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var calls = new List<Task>();
        for (int i = 0; i < 9; i++)
        {
            int id = i;
            calls.Add(model.CallAsync(async _ =>
            {
                probe.Enter(id);
                await gates[id].Task.ConfigureAwait(false);
                probe.Exit(id);
            }).AsTask());
        }

        Assert.Equal(new[] { 0, 1, 2 }, probe.StartOrder);
        Assert.Equal(6, model.WaitingCount);

        // Two permits come back at once: exactly the two oldest waiters start (together, so in either order).
        gates[0].SetResult();
        gates[1].SetResult();
        await Poll.UntilAsync(() => probe.StartOrder.Count == 5, "two waiters start");
        // Each release grants under the lock before the closure it lets in starts: a release that let in more than
        // one shows here already, as a fourth holder and fewer waiters.
        ModelSnapshot snapshot = model.GetSnapshot();
        Assert.Equal((3, 4), (snapshot.Holders, snapshot.Waiting));
        Assert.Equal(new[] { 3, 4 }, probe.StartOrder.Skip(3).Order());
        Assert.Equal(4, model.WaitingCount);
        Assert.Equal(3, probe.Running);

        // One permit at a time: the waiters start strictly in arrival order.
        for (int next = 5; next < 9; next++)
        {
            gates[next - 3].SetResult();
            int expected = next;
            await Poll.UntilAsync(() => probe.Started(expected), $"waiter {expected} starts");
            Assert.Equal(Enumerable.Range(5, next - 4), probe.StartOrder.Skip(5));
        }

        foreach (var gate in gates)
        {
            gate.TrySetResult();
        }

        await Task.WhenAll(calls);
        Assert.Equal(3, probe.MaxConcurrent);
        Assert.Equal(0, model.WaitingCount);
    }

    [Fact]
    public async Task Inner_takes_no_permit()
    {
        var model = new PCModel<string>("value", 1);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task held = model.CallAsync(async _ => await gate.Task.ConfigureAwait(false)).AsTask();

        Assert.Equal("value", model.Inner);

        gate.SetResult();
        await held;
    }

    [Fact]
    public async Task Every_overload_runs_its_closure()
    {
        var model = new PCModel<int>(4, 2);
        using var cts = new CancellationTokenSource();
        TimeSpan timeout = TimeSpan.FromSeconds(30);
        int runs = 0;

        Assert.Equal(4, await model.CallAsync(s => new ValueTask<int>(s.Value), cts.Token));
        Assert.Equal(4, await model.CallAsync((s, token) => new ValueTask<int>(token == cts.Token ? s.Value : -1), cts.Token));
        await model.CallAsync(_ => { runs++; return ValueTask.CompletedTask; }, cts.Token);
        await model.CallAsync((_, _) => { runs++; return ValueTask.CompletedTask; }, cts.Token);
        Assert.Equal(4, await model.CallAsync(s => new ValueTask<int>(s.Value), timeout));
        Assert.Equal(4, await model.CallAsync((s, token) => new ValueTask<int>(token.CanBeCanceled ? s.Value : -1), timeout));
        await model.CallAsync(_ => { runs++; return ValueTask.CompletedTask; }, timeout);
        await model.CallAsync((_, _) => { runs++; return ValueTask.CompletedTask; }, timeout);
        Assert.Equal(4, await model.CallAsync(new DelegateReadOperation<int, int>((s, _) => new ValueTask<int>(s.Value))));
        Assert.Equal(4, await model.CallAsync(new DelegateReadOperation<int, int>((s, _) => new ValueTask<int>(s.Value)), timeout));

        Assert.Equal(4, runs);
        Assert.Equal(ModelKind.PCModel, model.Kind);
    }
}
