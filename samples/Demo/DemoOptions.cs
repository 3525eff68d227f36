namespace AQueue.Samples.Demo;

/// <summary>The demo's sizes. The defaults finish in a few seconds on a laptop.</summary>
public sealed record DemoOptions
{
    public int CounterCallers { get; init; } = 4;

    public int CallsPerCounterCaller { get; init; } = 2_500;

    public int Readers { get; init; } = 8;

    public int ReadsPerReader { get; init; } = 250;

    public int Writes { get; init; } = 100;

    public int SlowReads { get; init; } = 16;

    public int SlowReadMilliseconds { get; init; } = 50;

    public int Jobs { get; init; } = 40;

    public int JobMilliseconds { get; init; } = 50;

    /// <summary>Prefix of the model keys, so two runs against one cluster can be told apart.</summary>
    public string KeyPrefix { get; init; } = "demo";
}
