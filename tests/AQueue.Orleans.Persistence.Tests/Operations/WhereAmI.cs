using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Returns the address of the silo the actor runs on, leaving the value alone.</summary>
[GenerateSerializer]
public sealed record WhereAmI : IWriteOperation<long, string>
{
    public ValueTask<string> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) =>
        new(CurrentSiloFilter.Current ?? "outside-grain");
}
