using AQueue.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// How a reader-writer model's mapping is agreed between caller and silo: a caller given a registry uses its mapping
/// and fails clearly when the silos say otherwise; a caller without one asks a silo.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RwModelMappingTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_caller_whose_mapping_disagrees_with_the_silos_fails_with_what_to_do()
    {
        // A client given a registry that maps both types the other way round from the silos.
        var registry = new ModelRegistry()
            .AddRwModel<Tally>(RwModelMapping.ReadOnlyInterleaving)
            .AddRwModel<ReadOnlyInterleavingTally>(RwModelMapping.WritePreferring);
        await using ServiceProvider services = new ServiceCollection().AddSingleton(registry).BuildServiceProvider();
        var models = new OrleansModelProvider(cluster.Cluster.Client, services);
        Probe probe = Probe.Create();

        var writePreferring = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            models.GetRwModel<Tally>(Guid.NewGuid().ToString("N")).CallAsync(new Hold<Tally>(probe.Id, "a")).AsTask());
        var readOnly = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            models.GetRwModel<ReadOnlyInterleavingTally>(Guid.NewGuid().ToString("N")).CallMutAsync(new Hold<ReadOnlyInterleavingTally>(probe.Id, "b")).AsTask());

        Assert.Contains("registered WritePreferring on this silo", writePreferring.Message, StringComparison.Ordinal);
        Assert.Contains("the caller's registry says ReadOnlyInterleaving", writePreferring.Message, StringComparison.Ordinal);
        Assert.Contains("models.AddRwModel<Tally>(RwModelMapping.WritePreferring)", writePreferring.Message, StringComparison.Ordinal);
        Assert.Contains("registered ReadOnlyInterleaving on this silo", readOnly.Message, StringComparison.Ordinal);
        Assert.Contains("models.AddRwModel<ReadOnlyInterleavingTally>(RwModelMapping.ReadOnlyInterleaving)", readOnly.Message, StringComparison.Ordinal);
        Assert.Empty(probe.Events);
    }

    [Fact]
    public async Task A_client_without_a_registry_reaches_the_grain_its_silos_mapping_names()
    {
        // The test client has no registry; the silos have one. Both reach the same grain, so they share one value.
        string key = Guid.NewGuid().ToString("N");
        Assert.Equal($"registry:{key}#1", await cluster.SiloModels[0].GetRwModel<ReadOnlyInterleavingTally>(key).CallMutAsync(new ReadOrigin<ReadOnlyInterleavingTally>()));
        Assert.Equal($"registry:{key}#2", await cluster.ClientModels.GetRwModel<ReadOnlyInterleavingTally>(key).CallMutAsync(new ReadOrigin<ReadOnlyInterleavingTally>()));
        Assert.Equal($"registry:{key}#2", await cluster.SiloModels[1].GetRwModel<ReadOnlyInterleavingTally>(key).CallAsync(new ReadOrigin<ReadOnlyInterleavingTally>()).AsTask().WaitAsync(Patience));

        Assert.Equal($"registry:{key}#1", await cluster.SiloModels[1].GetRwModel<Tally>(key).CallMutAsync(new ReadOrigin<Tally>()));
        Assert.Equal($"registry:{key}#1", await cluster.ClientModels.GetRwModel<Tally>(key).CallAsync(new ReadOrigin<Tally>()));
    }

    [Fact]
    public void The_default_mapping_is_write_preferring_and_an_undefined_one_is_refused()
    {
        var registry = new ModelRegistry();
        Assert.Equal(RwModelMapping.WritePreferring, registry.GetRwModelMapping<long>());
        Assert.Equal(RwModelMapping.ReadOnlyInterleaving, registry.AddRwModel<long>(RwModelMapping.ReadOnlyInterleaving).GetRwModelMapping<long>());
        Assert.Throws<ArgumentOutOfRangeException>("mapping", () => registry.AddRwModel<long>((RwModelMapping)7));
    }
}
