namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Where a storm call comes from.</summary>
public enum StormCaller
{
    /// <summary>The external client's provider.</summary>
    Client,

    /// <summary>A silo's provider, called from outside grain code (a silo service would call it so).</summary>
    Silo,

    /// <summary>Grain code: a <see cref="StormRelayGrain"/>, called by the client, makes the call and gives up as asked.</summary>
    Grain,
}
