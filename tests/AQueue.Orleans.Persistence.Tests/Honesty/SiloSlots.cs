using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The value of the honesty test's per-silo PCModels (<see cref="PCModelMapping.PerSilo"/>).</summary>
[GenerateSerializer]
public sealed record SiloSlots([property: Id(0)] string Key);
