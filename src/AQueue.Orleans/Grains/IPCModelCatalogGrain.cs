using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// Tells a client without a registry every PCModel registration of the silo that answers, when the client starts, so
/// that <see cref="IPCModel{T}.MaxConcurrency"/> and the first call of a registered type need no silo call. A stateless
/// worker: the client's gateway silo answers. Used by <see cref="OrleansModelProvider"/>'s client, once per start.
/// </summary>
[Alias("aqueue.IPCModelCatalogGrain")]
public interface IPCModelCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every PCModel registration of the silo that answers.</summary>
    /// <returns>The silo's mapping and bound of each registered value type.</returns>
    /// <exception cref="InvalidOperationException">AQueue is not registered on the silo.</exception>
    [Alias("Describe")]
    Task<PCModelCatalog> DescribeAsync();
}
