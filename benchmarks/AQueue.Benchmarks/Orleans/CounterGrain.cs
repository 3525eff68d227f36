namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// A non-reentrant grain keeping a <see cref="long"/> in memory: the same work, and the same one-at-a-time
/// execution, as the adapter's <c>ActorGrain&lt;long&gt;</c> running <see cref="Add"/>.
/// </summary>
public sealed class CounterGrain : Grain, ICounterGrain
{
    private long _value;

    public Task<long> Add(long amount) => Task.FromResult(_value += amount);
}
