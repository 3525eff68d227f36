namespace AQueue.Orleans.Tests;

/// <summary>The registrations of the telemetry tests' value types, added to the cluster's silos beside the suites'.</summary>
public static class TelemetryModels
{
    public const int PcBound = 1;

    public static void Configure(ModelRegistry models)
    {
        models.AddRwModel<MeteredReadOnlyTally>(RwModelMapping.ReadOnlyInterleaving);
        models.AddPCModel((_, _) => new MeteredResource(), PcBound);
    }
}
