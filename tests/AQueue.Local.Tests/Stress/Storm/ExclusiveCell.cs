namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>State for exclusive models: plain fields and a plain list, safe only under the model's lock.</summary>
internal sealed class ExclusiveCell : IStormCell
{
    private readonly List<int> _applied = [];
    private long _sum;
    private long _quick;

    public long Sum => _sum;

    public long QuickCount => _quick;

    public IReadOnlyList<int> Applied => _applied;

    public long Begin() => _sum;

    public void End(long snapshot, int id, long amount)
    {
        _sum = snapshot + amount;
        _applied.Add(id);
    }

    public long Peek() => _sum;

    public void AddQuick()
    {
        _sum++;
        _quick++;
    }
}
