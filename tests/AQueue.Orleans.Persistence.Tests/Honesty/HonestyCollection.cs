using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The honesty tests and the storm share (and break) a three-silo cluster of their own. They measure moments to the
/// millisecond on a small machine, so they run alone, after the collections that run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HonestyCollection : ICollectionFixture<HonestyClusterFixture>
{
    public const string Name = "honesty";
}
