using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed's <c>test_base</c> (tests/test_rw.rs; tests/test.rs with 2,000,000): 10,000,000 sequential adds,
/// each returning the running sum, which must end exact. Every call is uncontended, so every one must also
/// complete synchronously.
/// </summary>
public sealed class SequentialAddTests
{
    private const int Adds = 10_000_000;
    private const long ExpectedSum = (long)Adds * (Adds - 1) / 2; // 49,999,995,000,000

    public static TheoryData<string> Kinds => ["Actor", "RwModel", "MutexQueue", "RwQueue"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Ten_million_sequential_adds_give_the_exact_sum(string kind)
    {
        var acc = new Accumulator();
        Func<ValueTask<long>> add = kind switch
        {
            "Actor" => AddVia(new Actor<Accumulator>(acc)),
            "RwModel" => AddVia(new RwModel<Accumulator>(acc)),
            "MutexQueue" => AddVia(new MutexQueue(), acc),
            _ => AddVia(new RwQueue(), acc),
        };

        (long last, int asynchronous) = RunAdds(add);

        Assert.Equal(ExpectedSum, last);
        Assert.Equal(ExpectedSum, acc.Sum);
        Assert.Equal(0, asynchronous);
    }

    /// <summary>Makes the calls one after another, counting any that did not complete synchronously.</summary>
    private static (long Last, int Asynchronous) RunAdds(Func<ValueTask<long>> add)
    {
        long last = 0;
        int asynchronous = 0;
        for (int i = 0; i < Adds; i++)
        {
            ValueTask<long> call = add();
            if (!call.IsCompletedSuccessfully)
            {
                asynchronous++;
            }

            last = call.GetAwaiter().GetResult();
        }

        return (last, asynchronous);
    }

    // Each closure is made once, outside the loop: the seed passes i as an argument; here the state counts it.
    private static Func<ValueTask<long>> AddVia(Actor<Accumulator> actor)
    {
        Func<RefMutInner<Accumulator>, ValueTask<long>> body = static s => new ValueTask<long>(s.Value.AddNext());
        return () => actor.InnerCallAsync(body);
    }

    private static Func<ValueTask<long>> AddVia(RwModel<Accumulator> model)
    {
        Func<RefMutInner<Accumulator>, ValueTask<long>> body = static s => new ValueTask<long>(s.Value.AddNext());
        return () => model.CallMutAsync(body);
    }

    private static Func<ValueTask<long>> AddVia(MutexQueue queue, Accumulator acc)
    {
        Func<CancellationToken, ValueTask<long>> body = _ => new ValueTask<long>(acc.AddNext());
        return () => queue.RunAsync(body);
    }

    private static Func<ValueTask<long>> AddVia(RwQueue queue, Accumulator acc)
    {
        Func<CancellationToken, ValueTask<long>> body = _ => new ValueTask<long>(acc.AddNext());
        return () => queue.WriteAsync(body);
    }

    /// <summary>Adds 0, 1, 2, ... in turn, as the seed's loop adds its index.</summary>
    public sealed class Accumulator
    {
        private long _next;

        public long Sum { get; private set; }

        public long AddNext() => Sum += _next++;
    }
}
