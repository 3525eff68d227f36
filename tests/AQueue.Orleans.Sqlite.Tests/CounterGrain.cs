using Orleans.Runtime;

namespace AQueue.Orleans.Sqlite.Tests;

public sealed class CounterGrain([PersistentState("counter", SqliteCluster.StorageName)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<long> Add(long amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<long> Get() => Task.FromResult(state.State.Value);

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
