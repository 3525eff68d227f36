using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The fault tests share (and break) one cluster of their own.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultClusterFixture>
{
    public const string Name = "faults";
}
