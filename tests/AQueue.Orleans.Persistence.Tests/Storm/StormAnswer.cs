using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// What a storm operation returns. A write: the ledger's length once its id was appended (so its id is at
/// <see cref="Count"/> - 1). A read: the length it saw, the last id and a digest of the ids it saw. A PCModel
/// operation: only the silo.
/// </summary>
[GenerateSerializer]
public sealed record StormAnswer(
    [property: Id(0)] int Count,
    [property: Id(1)] long Last,
    [property: Id(2)] ulong Digest,
    [property: Id(3)] string Silo)
{
    /// <summary>The silo an operation runs on (TestCluster's silos share the process), as <see cref="CurrentSiloFilter"/> set it.</summary>
    public static string Here => CurrentSiloFilter.Current ?? "outside-grain";
}
