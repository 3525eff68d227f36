namespace AQueue.Conformance;

/// <summary>A <see cref="Tally"/> whose reader-writer models are registered <see cref="RwModelMapping.ReadOnlyInterleaving"/>.</summary>
[GenerateSerializer]
public sealed class ReadOnlyInterleavingTally(string origin) : Tally(origin);
