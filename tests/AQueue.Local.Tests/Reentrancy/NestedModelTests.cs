using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Reentrancy;

/// <summary>Calls into a different model from inside a closure are not re-entrancy: they work, in any combination.</summary>
public sealed class NestedModelTests
{
    [Fact]
    public async Task Actor_calls_a_different_actor_of_the_same_type_both_ways()
    {
        var a = new Actor<int>(1);
        var b = new Actor<int>(10);

        int sum = await a.InnerCallAsync(async s =>
        {
            await Task.Yield();
            int fromB = await b.InnerCallAsync(t => { t.Value++; return new ValueTask<int>(t.Value); });
            s.Value += fromB;
            return s.Value;
        });
        int back = await b.InnerCallAsync(async t =>
        {
            int fromA = await a.InnerCallAsync(s => new ValueTask<int>(s.Value));
            return t.Value + fromA;
        });

        Assert.Equal(12, sum);
        Assert.Equal(23, back);
    }

    [Fact]
    public async Task Chain_through_every_kind_of_model_and_queue_works()
    {
        var rw = new RwModel<List<string>>([]);
        var actor = new Actor<int>(0);
        var pc = new PCModel<string>("pc", 2);
        var rwQueue = new RwQueue();
        var mutex = new MutexQueue();
        var semaphore = new SemaphoreQueue(3);

        string path = await rw.CallMutAsync(async list =>
        {
            list.Value.Add("rw");
            await Task.Yield();
            return await actor.InnerCallAsync(async n =>
            {
                n.Value++;
                await Task.Yield();
                return await pc.CallAsync(async p =>
                {
                    await Task.Yield();
                    return await rwQueue.ReadAsync(async _ =>
                        await mutex.RunAsync(async _ =>
                            await semaphore.RunAsync(async _ =>
                            {
                                await Task.Yield();
                                return $"rw>actor>{p.Value}>rwqueue>mutex>semaphore";
                            })));
                });
            });
        });

        Assert.Equal("rw>actor>pc>rwqueue>mutex>semaphore", path);
        Assert.Equal(1, actor.DangerousGetInner());
        Assert.Equal(["rw"], rw.Call(l => l.Value.ToArray()));
    }

    [Fact]
    public async Task Blocking_call_into_a_different_model_works_inside_a_closure()
    {
        var outer = new RwModel<int>(1);
        var inner = new RwModel<int>(2);
        int result = await outer.CallMutAsync(async s =>
        {
            await Task.Yield();
            int read = inner.Call(t => t.Value);
            inner.CallMut(t => t.Value = read * 10);
            s.Value += inner.Call(t => t.Value);
            return s.Value;
        });
        Assert.Equal(21, result);
        Assert.Equal(20, inner.Call(t => t.Value));
    }

    [Fact]
    public async Task Cycle_back_into_the_outer_model_is_still_reentrancy_and_both_stay_usable()
    {
        var a = new Actor<int>(0);
        var b = new Actor<int>(0);
        bool caught = await a.InnerCallAsync(async _ =>
            await b.InnerCallAsync(async __ =>
            {
                await Task.Yield();
                try
                {
                    await a.InnerCallAsync(s => new ValueTask<int>(s.Value));
                    return false;
                }
                catch (ModelReentrancyException)
                {
                    return true;
                }
            }));

        Assert.True(caught);
        Completed.Check(a.InnerCallAsync(s => { s.Value++; return ValueTask.CompletedTask; }));
        Completed.Check(b.InnerCallAsync(s => { s.Value++; return ValueTask.CompletedTask; }));
        Assert.Equal(1, a.DangerousGetInner());
        Assert.Equal(1, b.DangerousGetInner());
    }

    [Fact]
    public async Task Nested_calls_keep_each_models_exclusion()
    {
        var outer = new Actor<int>(0);
        var shared = new Actor<int>(0);
        var probe = new ConcurrencyProbe();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            for (int j = 0; j < 50; j++)
            {
                if (i % 2 == 0)
                {
                    await outer.InnerCallAsync(async _ =>
                        await shared.InnerCallAsync(async s =>
                        {
                            probe.Enter(i, exclusive: true);
                            await Task.Yield();
                            s.Value++;
                            probe.Exit(i, exclusive: true);
                        }));
                }
                else
                {
                    await shared.InnerCallAsync(async s =>
                    {
                        probe.Enter(i, exclusive: true);
                        await Task.Yield();
                        s.Value++;
                        probe.Exit(i, exclusive: true);
                    });
                }
            }
        })));

        Assert.Equal(400, shared.DangerousGetInner());
        Assert.Equal(0, probe.ExclusivityViolations);
    }
}
