namespace AQueue.Orleans.Sqlite.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<long> Add(long amount);

    Task<long> Get();

    Task Clear();

    Task Deactivate();
}
