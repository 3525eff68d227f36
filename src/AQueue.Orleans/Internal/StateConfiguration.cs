using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>What Orleans' <see cref="IPersistentStateFactory"/> needs to know: the state's name and its provider.</summary>
/// <param name="StateName">The state's name within the grain.</param>
/// <param name="StorageName">The grain storage provider's name.</param>
internal sealed record StateConfiguration(string StateName, string StorageName) : IPersistentStateConfiguration;
