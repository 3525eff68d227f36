using Orleans;

namespace AQueue.Orleans;

/// <summary>A silo's reader-writer model registration for one value type, as a client without a registry learns it.</summary>
/// <param name="Mapping">Which grain serves the type: <see cref="RwModelMapping.WritePreferring"/> or
/// <see cref="RwModelMapping.ReadOnlyInterleaving"/>.</param>
[GenerateSerializer]
[Alias("aqueue.RwModelSiloSettings")]
public sealed record RwModelSiloSettings([property: Id(0)] RwModelMapping Mapping);
