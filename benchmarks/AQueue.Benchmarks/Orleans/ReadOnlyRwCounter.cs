namespace AQueue.Benchmarks.Orleans;

/// <summary>An <see cref="RwCounter"/> whose models are registered <see cref="RwModelMapping.ReadOnlyInterleaving"/>.</summary>
[GenerateSerializer]
[Alias("aqueue.bench.ReadOnlyRwCounter")]
public sealed class ReadOnlyRwCounter : RwCounter;
