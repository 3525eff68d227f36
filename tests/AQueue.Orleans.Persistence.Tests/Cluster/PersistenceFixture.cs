using AQueue.Orleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One single-silo TestCluster for the persistence tests (faults are injected per key, not per cluster).</summary>
public sealed class PersistenceFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IModelProvider Models { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = new TestClusterBuilder(1).AddAQueue<PersistenceSiloConfigurator, PersistenceClientConfigurator>().Build();
        await _cluster.DeployAsync();
        Models = _cluster.GetClientModelProvider();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Deactivates every idle activation, so the next call to a model loads it from storage.</summary>
    public Task CollectAllAsync() =>
        Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Overwrites a model's stored record as another writer would (a newer ETag), behind the activation's back.</summary>
    public async Task OverwriteStoredAsync<TGrain, T>(string key, T value)
        where TGrain : IGrainWithStringKey
    {
        GrainId grainId = Cluster.GrainFactory.GetGrain<TGrain>(key).GetGrainId();
        IServiceProvider silo = Cluster.Silos[0].GetServices();
        var storage = silo.GetRequiredKeyedService<global::Orleans.Storage.IGrainStorage>("memory");
        var state = new GrainState<ModelRecord<T>>();
        await storage.ReadStateAsync("aqueue", grainId, state);
        state.State = new ModelRecord<T> { Value = value };
        await storage.WriteStateAsync("aqueue", grainId, state);
    }

    /// <summary>Reads a model's stored record straight from the silo's inner (memory) storage.</summary>
    public async Task<(bool Exists, T? Value)> ReadStoredAsync<TGrain, T>(string key)
        where TGrain : IGrainWithStringKey
    {
        GrainId grainId = Cluster.GrainFactory.GetGrain<TGrain>(key).GetGrainId();
        IServiceProvider silo = Cluster.Silos[0].GetServices();
        var storage = silo.GetRequiredKeyedService<global::Orleans.Storage.IGrainStorage>("memory");
        var state = new GrainState<ModelRecord<T>>();
        await storage.ReadStateAsync("aqueue", grainId, state);
        return (state.RecordExists, state.RecordExists ? state.State!.Value : default);
    }
}
