namespace AQueue.Conformance;

/// <summary>The shared value of the conformance PCModels: which key it was built for, and which build it is.</summary>
[GenerateSerializer]
public sealed class PcResource
{
    private static int s_builds;

    public PcResource(string key)
    {
        Key = key;
        Instance = Interlocked.Increment(ref s_builds);
    }

    [Id(0)]
    public string Key { get; }

    [Id(1)]
    public int Instance { get; }
}
