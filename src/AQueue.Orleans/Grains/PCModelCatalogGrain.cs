using System.Collections.Immutable;
using AQueue.Orleans.Internal;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans;

/// <summary>Answers <see cref="IPCModelCatalogGrain"/> from the silo's <see cref="ModelRegistry"/>; holds no state.</summary>
[StatelessWorker]
internal sealed class PCModelCatalogGrain : Grain, IPCModelCatalogGrain
{
    /// <inheritdoc />
    public Task<PCModelCatalog> DescribeAsync()
    {
        ModelRegistry registry = SiloServices.GetRequired<ModelRegistry>(ServiceProvider);
        ImmutableDictionary<string, PCModelSiloSettings> types = registry.PCModels.ToImmutableDictionary(
            static registration => PCModelCatalog.KeyOf(registration.Type),
            static registration => new PCModelSiloSettings(registration.Mapping, registration.MaxConcurrency));
        return Task.FromResult(new PCModelCatalog(types));
    }
}
