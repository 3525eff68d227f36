using AQueue.Orleans.Internal;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The PCModel grains' way into their model's call chain (<see cref="CallChainEntry"/>): the execution context built on
/// a first call is switched in on later calls from the same outer context, and only then. On a cluster the calls rarely
/// share one (a listener's activity or a request context makes a new one per call), so it is tested here directly.
/// </summary>
public sealed class CallChainEntryTests
{
    private static readonly AsyncLocal<string?> s_other = new();

    [Fact]
    public async Task A_later_call_from_the_same_outer_context_runs_inside_the_model_too()
    {
        string[] self = ["PCModel<T> 'a'"];
        var entry = new CallChainEntry(self);

        // The first call builds the entered context, the second switches it in.
        Assert.Same(self, await InsideAsync(entry, self));
        Assert.Same(self, await InsideAsync(entry, self));
        Assert.Null(CallChain.Current);
    }

    [Fact]
    public async Task A_call_from_another_outer_context_keeps_that_context_s_own_values()
    {
        string[] self = ["PCModel<T> 'b'"];
        var entry = new CallChainEntry(self);
        Assert.Same(self, await InsideAsync(entry, self));

        (string[]? chain, string? other) = await WithOtherValueAsync(entry, self);

        Assert.Same(self, chain);
        Assert.Equal("outer value", other);
        Assert.Null(s_other.Value);
    }

    [Fact]
    public async Task A_longer_chain_is_entered_as_it_is()
    {
        string[] self = ["PCModel<T> 'c'"];
        string[] longer = ["Actor<long> 'x'", self[0]];
        var entry = new CallChainEntry(self);
        Assert.Same(self, await InsideAsync(entry, self));

        Assert.Same(longer, await InsideAsync(entry, longer));
        Assert.Same(self, await InsideAsync(entry, self));
    }

    // An async method, as the grain's: what it enters ends with it.
    private static async Task<string[]?> InsideAsync(CallChainEntry entry, string[] chain)
    {
        entry.Enter(chain);
        await Task.Yield();
        return CallChain.Current;
    }

    private static async Task<(string[]? Chain, string? Other)> WithOtherValueAsync(CallChainEntry entry, string[] chain)
    {
        s_other.Value = "outer value";
        entry.Enter(chain);
        await Task.Yield();
        return (CallChain.Current, s_other.Value);
    }
}
