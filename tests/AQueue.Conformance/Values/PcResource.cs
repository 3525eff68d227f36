namespace AQueue.Conformance;

/// <summary>
/// The shared value of the conformance PCModels: which key it was built for, and which build it is. Registered with
/// the default mapping (<see cref="PCModelMapping.PerSilo"/>); <see cref="PerClusterPcResource"/> is the same value
/// registered <see cref="PCModelMapping.PerCluster"/>, so one cluster runs the suite on both.
/// </summary>
[GenerateSerializer]
public class PcResource
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
