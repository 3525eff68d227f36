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

    /// <summary>Builds the value for <paramref name="key"/>, as the registered factory does.</summary>
    public PcResource(string key)
    {
        Key = key;
        Instance = Interlocked.Increment(ref s_builds);
    }

    /// <summary>The key the value was built for.</summary>
    [Id(0)]
    public string Key { get; }

    /// <summary>Which build this is, counted over the process: equal values are one shared instance.</summary>
    [Id(1)]
    public int Instance { get; }
}
