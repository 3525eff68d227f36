using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's counter examples (examples/nums.rs for the actor, examples/nums_rw.rs and the README for the
/// model): a single-threaded warm-up, then 4 tasks adding disjoint ranges into one counter. Count and sum
/// are exact only if no add is lost.
/// </summary>
public sealed class ConcurrentCounterTests
{
    private const int PerTask = 250_000;
    private const int TaskCount = 4;

    [Theory]
    [MemberData(nameof(Guarded<Foo>.Kinds), MemberType = typeof(Guarded<Foo>))]
    public async Task Four_tasks_add_into_one_counter_exactly(string kind)
    {
        var guarded = Guarded<Foo>.Create(kind, new Foo());

        // Single thread.
        await guarded.Write(foo => { foo.Add(100); return ValueTask.CompletedTask; });
        Assert.Equal(100, await Get(guarded));
        await guarded.Write(foo => { foo.Add(-100); return ValueTask.CompletedTask; });
        Assert.Equal(0, await Get(guarded));
        await guarded.Write(static foo => { foo.Reset(); return ValueTask.CompletedTask; });

        // Four tasks, each its own range, as the seed's a, b, c, d.
        await Task.WhenAll(Enumerable.Range(0, TaskCount).Select(t => Task.Run(async () =>
        {
            for (int i = t * PerTask; i < (t + 1) * PerTask; i++)
            {
                int x = i;
                await guarded.Write(foo => { foo.Add(x); return ValueTask.CompletedTask; });
            }
        })));

        long n = (long)TaskCount * PerTask;
        Assert.Equal(n * (n - 1) / 2, await Get(guarded));
        ulong count = 0;
        await guarded.Read(foo => { count = foo.Count; return ValueTask.CompletedTask; });
        Assert.Equal((ulong)n, count);
    }

    private static async Task<Int128> Get(Guarded<Foo> guarded)
    {
        Int128 value = 0;
        await guarded.Read(foo => { value = foo.Value; return ValueTask.CompletedTask; });
        return value;
    }

    /// <summary>The seed's <c>Foo</c>: a count of adds and a 128-bit sum.</summary>
    public sealed class Foo
    {
        public ulong Count { get; private set; }

        public Int128 Value { get; private set; }

        public Int128 Add(int x)
        {
            Count++;
            Value += x;
            return Value;
        }

        public void Reset()
        {
            Count = 0;
            Value = 0;
        }
    }
}
