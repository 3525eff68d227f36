using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The persistence tests share one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PersistenceCollection : ICollectionFixture<PersistenceFixture>
{
    public const string Name = "persistence";
}
