namespace AQueue.Conformance;

/// <summary>What every backend registers for the suites (the same registry code on both).</summary>
public static class ConformanceModels
{
    /// <summary>The PCModel bound the suites expect.</summary>
    public const int PcBound = 2;

    /// <summary>
    /// Registers the suites' initial values, mappings and PCModel factories: <see cref="Tally"/> with the default
    /// reader-writer mapping (write-preferring), <see cref="ReadOnlyInterleavingTally"/> with Orleans' <c>[ReadOnly]</c>
    /// reads; <see cref="PcResource"/> with the default PCModel mapping (per silo on Orleans),
    /// <see cref="PerClusterPcResource"/> per cluster.
    /// </summary>
    public static void Configure(ModelRegistry models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.AddInitialValue(key => new Tally($"registry:{key}"));
        models.AddInitialValue(key => new ReadOnlyInterleavingTally($"registry:{key}"));
        models.AddRwModel<ReadOnlyInterleavingTally>(RwModelMapping.ReadOnlyInterleaving);
        models.AddPCModel((services, key) => new PcResource(key), PcBound);
        models.AddPCModel((services, key) => new PerClusterPcResource(key), PcBound, PCModelMapping.PerCluster);
    }
}
