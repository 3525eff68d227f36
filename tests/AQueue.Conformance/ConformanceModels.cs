namespace AQueue.Conformance;

/// <summary>What every backend registers for the suites (the same registry code on both).</summary>
public static class ConformanceModels
{
    /// <summary>The PCModel bound the suites expect; the Orleans runner's grain says <c>[StatelessWorker(2)]</c>.</summary>
    public const int PcBound = 2;

    /// <summary>Registers the suites' initial values and PCModel factory.</summary>
    public static void Configure(ModelRegistry models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.AddInitialValue(key => new Tally($"registry:{key}"));
        models.AddPCModel((services, key) => new PcResource(key), PcBound);
    }
}
