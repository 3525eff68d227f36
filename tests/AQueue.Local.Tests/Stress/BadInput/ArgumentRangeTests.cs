using Xunit;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// Bad numbers on every public entry point: n &lt; 1 for the bounded ones, negative (other than infinite), too
/// large and zero timeouts on every timed overload. Each gets a clear exception, the closure never runs, and the
/// model serves the next call.
/// </summary>
public sealed class ArgumentRangeTests
{
    public static TheoryData<string> Entries => [.. TimedEntryPoint.Names];

    public static TheoryData<int> BadBounds => [0, -1, int.MinValue];

    private static readonly TimeSpan[] s_badTimeouts =
    [
        TimeSpan.FromTicks(-1), // one tick below zero: negative, and not Timeout.InfiniteTimeSpan (-1 ms)
        TimeSpan.FromMilliseconds(-2),
        TimeSpan.MinValue,
        TimeSpan.FromMilliseconds(uint.MaxValue), // longer than a timer accepts
        TimeSpan.MaxValue,
    ];

    [Theory]
    [MemberData(nameof(BadBounds))]
    public async Task Bound_below_one_is_rejected_by_every_bounded_constructor(int bound)
    {
        Assert.Throws<ArgumentOutOfRangeException>("maxConcurrency", () => new SemaphoreQueue(bound));
        Assert.Throws<ArgumentOutOfRangeException>("maxConcurrency", () => new PCModel<int>(0, bound));
        var registry = new ModelRegistry();
        Assert.Throws<ArgumentOutOfRangeException>("maxConcurrency", () => registry.AddPCModel((_, _) => 0, bound));

        // The registry took nothing and still works.
        Assert.Throws<InvalidOperationException>(registry.GetPCModel<int>);
        Assert.Equal(3, registry.AddPCModel((_, _) => 0, 3).GetPCModel<int>().MaxConcurrency);
        var queue = new SemaphoreQueue(1);
        Assert.Equal(1, await queue.RunAsync(_ => ValueTask.FromResult(1)));
    }

    [Fact]
    public void Bound_above_the_lock_limit_is_rejected()
    {
        // The permit count shares an int with a flag: at most 2^30 - 1. (The exception names the internal
        // lock's parameter, "permits", not the public "maxConcurrency": see the report.)
        Assert.Throws<ArgumentOutOfRangeException>(() => new SemaphoreQueue(int.MaxValue));
        Assert.Equal((1 << 30) - 1, new SemaphoreQueue((1 << 30) - 1).MaxConcurrency);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Negative_or_too_long_timeouts_are_rejected_and_the_model_serves_on(string name)
    {
        TimedEntryPoint entry = TimedEntryPoint.Create(name);
        foreach (TimeSpan timeout in s_badTimeouts)
        {
            var exception = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => entry.Call(timeout));
            Assert.Equal("timeout", exception.ParamName);
            Assert.Contains("Timeout.InfiniteTimeSpan", exception.Message);
        }

        Assert.Equal(0, entry.Runs);
        await entry.Call(Timeout.InfiniteTimeSpan);
        Assert.Equal(1, entry.Runs);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Zero_timeout_on_a_held_model_times_out_without_running(string name)
    {
        TimedEntryPoint entry = TimedEntryPoint.Create(name);
        Func<Task> release = entry.Hold();
        await Assert.ThrowsAsync<TimeoutException>(() => entry.Call(TimeSpan.Zero));
        await release();
        Assert.Equal(0, entry.Runs);
        await entry.Call(TimeSpan.FromSeconds(5));
        Assert.Equal(1, entry.Runs);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Zero_timeout_on_a_free_model(string name)
    {
        TimedEntryPoint entry = TimedEntryPoint.Create(name);
        if (entry.IsSync)
        {
            // A sync call's timeout bounds only its wait (as Monitor.TryEnter(0)): with the lock free it runs.
            await entry.Call(TimeSpan.Zero);
            Assert.Equal(1, entry.Runs);
        }
        else
        {
            // An async call's deadline covers waiting and running: zero has passed already, so it never runs,
            // as an already-cancelled token.
            await Assert.ThrowsAsync<TimeoutException>(() => entry.Call(TimeSpan.Zero));
            Assert.Equal(0, entry.Runs);
        }

        await entry.Call(Timeout.InfiniteTimeSpan);
    }
}
