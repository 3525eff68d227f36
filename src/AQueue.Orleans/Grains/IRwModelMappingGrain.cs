using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// Tells a client without a registry how the silo maps reader-writer models of a type, without activating (or loading
/// the stored value of) any model. A stateless worker: the client's gateway silo answers. Used by
/// <see cref="OrleansModelProvider"/>, once per type.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
[Alias("aqueue.IRwModelMappingGrain`1")]
public interface IRwModelMappingGrain<T> : IGrainWithIntegerKey
{
    /// <summary>The registration of <typeparamref name="T"/> on the silo that answers.</summary>
    /// <returns>The silo's mapping of <typeparamref name="T"/>.</returns>
    [Alias("Describe")]
    Task<RwModelSiloSettings> DescribeAsync();
}
