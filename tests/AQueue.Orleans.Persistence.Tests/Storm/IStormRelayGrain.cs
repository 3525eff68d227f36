using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A grain that makes storm calls from grain code, through its silo's provider.</summary>
public interface IStormRelayGrain : IGrainWithStringKey
{
    /// <summary>Makes <paramref name="request"/> as its caller gives up (the grain cancels or times it out itself) and
    /// says what the grain was told, and when.</summary>
    Task<Told<StormAnswer>> RelayAsync(StormRequest request);
}
