namespace AQueue.Orleans.Sqlite.Tests;

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public long Value { get; set; }
}
