using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's <c>test_string</c> and <c>test_struct</c> (tests/test.rs, tests/test_rw.rs): a raw queue runs a
/// closure over any value and hands back its result; an object wrapped behind a queue answers from many
/// tasks with every call counted.
/// </summary>
public sealed class WrappedObjectTests
{
    private const int CallsPerTask = 100_000;

    [Fact]
    public async Task Raw_queues_run_closures_over_any_value()
    {
        var mutex = new MutexQueue();
        var rw = new RwQueue();
        string text = 12345.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var foo = new FooStruct(5);

        Assert.Equal(5, await mutex.RunAsync(_ => new ValueTask<int>(text.Length)));
        Assert.Equal(5, await mutex.RunAsync(_ => new ValueTask<int>(foo.I)));
        Assert.Equal(5, await rw.ReadAsync(_ => new ValueTask<int>(text.Length)));
        Assert.Equal(5, await rw.ReadAsync(_ => new ValueTask<int>(foo.I)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wrapped_object_answers_three_tasks_and_counts_every_call(bool readerWriter)
    {
        var wrapped = new QueuedFoo(new Foo(), readerWriter);
        Assert.Equal(3, await wrapped.Run(1, 2));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < CallsPerTask; i++)
            {
                Assert.Equal(2 * i, await wrapped.Run(i, i));
            }
        })));

        Assert.Equal(1 + (3 * CallsPerTask), wrapped.Count);
    }

    public readonly record struct FooStruct(int I);

    /// <summary>The seed's <c>Foo</c>: adds, and counts its calls (atomically: reads of the reader-writer kind share).</summary>
    public sealed class Foo
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask<int> Run(int x, int y)
        {
            Interlocked.Increment(ref _count);
            return new ValueTask<int>(x + y);
        }
    }

    /// <summary>The seed's <c>MakeActorIFoo</c>: every call goes through the queue.</summary>
    public sealed class QueuedFoo(Foo inner, bool readerWriter)
    {
        private readonly MutexQueue _mutex = new();
        private readonly RwQueue _rw = new();

        public int Count => inner.Count;

        public ValueTask<int> Run(int x, int y) =>
            readerWriter ? _rw.ReadAsync(_ => inner.Run(x, y)) : _mutex.RunAsync(_ => inner.Run(x, y));
    }
}
