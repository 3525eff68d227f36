using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>Every class in this collection shares one deployed cluster (and so runs one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
