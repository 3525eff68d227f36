using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A <see cref="Ledger"/> of reader-writer models on Orleans' <c>[ReadOnly]</c> mapping (the mapping is per value type).</summary>
[GenerateSerializer]
public sealed class InterleavedLedger : Ledger;
