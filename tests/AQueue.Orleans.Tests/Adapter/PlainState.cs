namespace AQueue.Orleans.Tests;

/// <summary>A state type someone forgot to mark [GenerateSerializer].</summary>
public sealed class PlainState
{
    public int Count { get; set; }
}
