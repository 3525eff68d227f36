namespace AQueue.Conformance;

/// <summary>What every backend registers for the suites (the same registry code on both).</summary>
public static class ConformanceModels
{
    /// <summary>The PCModel bound the suites expect.</summary>
    public const int PcBound = 2;

    /// <summary>
    /// Registers the suites' initial values and PCModel factories: <see cref="PcResource"/> with the default mapping
    /// (per silo on Orleans), <see cref="PerClusterPcResource"/> per cluster.
    /// </summary>
    public static void Configure(ModelRegistry models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.AddInitialValue(key => new Tally($"registry:{key}"));
        models.AddPCModel((services, key) => new PcResource(key), PcBound);
        models.AddPCModel((services, key) => new PerClusterPcResource(key), PcBound, PCModelMapping.PerCluster);
    }
}
