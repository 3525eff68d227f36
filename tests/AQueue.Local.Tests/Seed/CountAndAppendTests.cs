using System.Text;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's <c>test_count</c> (tests/test.rs for the actor, tests/test_rw.rs for the model): 1,000 tasks ×
/// 1,000 calls that each bump a counter and append it to a string. Any lost or torn update changes the final
/// string, which must equal the one a single thread builds.
/// </summary>
public sealed class CountAndAppendTests
{
    private const int Tasks = 1_000;
    private const int CallsPerTask = 1_000;

    [Theory]
    [MemberData(nameof(Guarded<Foo>.Kinds), MemberType = typeof(Guarded<Foo>))]
    public async Task Thousand_tasks_by_thousand_calls_build_the_serial_string(string kind)
    {
        var guarded = Guarded<Foo>.Create(kind, new Foo());

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < CallsPerTask; i++)
            {
                await guarded.Write(static foo => { foo.AddOne(); return ValueTask.CompletedTask; });
            }
        })));

        string? actual = null;
        await guarded.Read(foo => { actual = foo.GetString(); return ValueTask.CompletedTask; });

        var check = new Foo();
        for (int i = 0; i < Tasks * CallsPerTask; i++)
        {
            check.AddOne();
        }

        Assert.Equal(check.GetString().Length, actual!.Length);
        Assert.True(check.GetString() == actual, "the concurrent string differs from the serial one");
    }

    /// <summary>The seed's <c>Foo</c>: a count and the string of every count so far.</summary>
    public sealed class Foo
    {
        private readonly StringBuilder _data = new();
        private long _count;

        public void AddOne()
        {
            _count++;
            _data.Append(_count);
        }

        public string GetString() => _data.ToString();
    }
}
