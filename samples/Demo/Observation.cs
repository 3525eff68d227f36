namespace AQueue.Samples.Demo;

/// <summary>What an operation returns: a value, and how many operations of its probe ran at once while it did.</summary>
/// <param name="Value">The value read or the job id.</param>
/// <param name="Concurrency">The most operations of the same probe seen running together during this one.</param>
/// <param name="Where">The probe it was counted on (for a PCModel job: the service, which names its silo), if the
/// operation says.</param>
[GenerateSerializer, Immutable]
public sealed record Observation([property: Id(0)] long Value, [property: Id(1)] int Concurrency, [property: Id(2)] string? Where = null);
