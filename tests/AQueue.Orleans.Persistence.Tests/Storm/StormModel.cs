namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One model of the storm: its kind and mapping, its key, and the generation of models it belongs to.</summary>
public sealed record StormModel(StormModelKind Kind, string Key, int Generation)
{
    /// <summary>An actor or reader-writer model, whose value is a persisted <see cref="Ledger"/>.</summary>
    public bool IsLedger => Kind is StormModelKind.Actor or StormModelKind.RwWritePreferring or StormModelKind.RwReadOnlyInterleaving;

    /// <summary>Orleans places one activation of it in the cluster (all but the per-silo PCModel).</summary>
    public bool IsPlaced => Kind != StormModelKind.PCModelPerSilo;

    public override string ToString() => $"{Kind} {Key}";
}
