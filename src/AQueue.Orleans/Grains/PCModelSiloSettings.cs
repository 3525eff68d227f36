using Orleans;

namespace AQueue.Orleans;

/// <summary>A silo's PCModel registration for one value type, as a client without a registry learns it.</summary>
/// <param name="Mapping">Which grain serves the type: <see cref="PCModelMapping.PerSilo"/> or
/// <see cref="PCModelMapping.PerCluster"/>.</param>
/// <param name="MaxConcurrency">The bound, n.</param>
[GenerateSerializer]
[Alias("aqueue.PCModelSiloSettings")]
public sealed record PCModelSiloSettings([property: Id(0)] PCModelMapping Mapping, [property: Id(1)] int MaxConcurrency);
