namespace AQueue.Benchmarks.InProcess;

/// <summary>A shared counter for the bounded (PCModel) rows, where up to n closures run at once.</summary>
public sealed class Counter
{
    public long Count;
}
