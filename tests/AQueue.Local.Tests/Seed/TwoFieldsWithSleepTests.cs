using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's <c>test_actor</c> (tests/test_rw.rs): two tasks and the caller each make 100 calls that add to
/// two fields, sleep 1 ms inside the closure, and count. The final tuple is exact only if no call ever ran
/// beside another across its sleep.
/// </summary>
public sealed class TwoFieldsWithSleepTests
{
    [Theory]
    [MemberData(nameof(Guarded<Foo>.Kinds), MemberType = typeof(Guarded<Foo>))]
    public async Task Two_tasks_and_the_caller_end_on_the_exact_tuple(string kind)
    {
        var guarded = Guarded<Foo>.Create(kind, new Foo());
        var probe = new ConcurrencyProbe();

        async Task<int> Set(int x, int y)
        {
            int count = 0;
            await guarded.Write(async foo => count = await foo.Set(x, y, probe));
            return count;
        }

        Task b = Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await Set(i - 1, i + 1);
            }
        });
        Task c = Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await Set(i - 1, i + 1);
            }
        });
        for (int i = 200; i < 300; i++)
        {
            await Set(i - 1, i + 1);
        }

        await Task.WhenAll(b, c);

        (int I, int X, int Y) result = default;
        await guarded.Read(foo => { result = foo.Get(); return ValueTask.CompletedTask; });
        Assert.Equal((300, 34550, 35150), result);
        Assert.Equal(1, probe.MaxConcurrent);
    }

    /// <summary>The seed's <c>Foo</c> with its async <c>set</c>.</summary>
    public sealed class Foo
    {
        private int _i;
        private int _x;
        private int _y;

        public (int I, int X, int Y) Get() => (_i, _x, _y);

        public async Task<int> Set(int x, int y, ConcurrencyProbe probe)
        {
            probe.Enter(x, exclusive: true);
            _x += x;
            _y += y;
            await Task.Delay(1).ConfigureAwait(false);
            _i += 1;
            probe.Exit(x, exclusive: true);
            return _i;
        }
    }
}
