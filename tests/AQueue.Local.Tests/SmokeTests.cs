using Xunit;

namespace AQueue.Local.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Uncontended_call_completes_synchronously()
    {
        var actor = new Actor<long>(0);
        ValueTask task = actor.InnerCallAsync(s => { s.Value += 1; return ValueTask.CompletedTask; });
        Assert.True(task.IsCompletedSuccessfully);
        await task;
        Assert.Equal(1, actor.DangerousGetInner());
    }

    [Fact]
    public async Task Reentry_after_await_throws_named_exception()
    {
        var actor = new Actor<int>(0);
        var ex = await Assert.ThrowsAsync<ModelReentrancyException>(async () =>
            await actor.InnerCallAsync(async s =>
            {
                await Task.Yield();
                await actor.InnerCallAsync(t => { t.Value++; return ValueTask.CompletedTask; });
            }));
        Assert.NotNull(ex);
        // The actor is still usable afterwards.
        await actor.InnerCallAsync(s => { s.Value++; return ValueTask.CompletedTask; });
        Assert.Equal(1, actor.DangerousGetInner());
    }

    [Fact]
    public async Task Four_tasks_add_exact_total()
    {
        var actor = new Actor<long>(0);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                await actor.InnerCallAsync(async s => { if (s.Value % 1000 == 0) await Task.Yield(); s.Value++; });
            }
        })));
        Assert.Equal(400_000, actor.DangerousGetInner());
    }
}
