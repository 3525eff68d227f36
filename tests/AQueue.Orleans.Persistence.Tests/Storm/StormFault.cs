namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A fault the storm injects.</summary>
public enum StormFault
{
    /// <summary>A secondary silo killed (<c>KillSiloAsync</c>): no goodbye, its activations die with it.</summary>
    Kill,

    /// <summary>A secondary silo stopped gracefully (<c>StopSiloAsync</c>): it hands its activations over.</summary>
    Stop,

    /// <summary>A silo started back (<c>StartAdditionalSiloAsync</c>), joining under load.</summary>
    Start,

    /// <summary>Every write of the storm's persisted models fails in storage for a while (<see cref="FaultyGrainStorage"/>).</summary>
    StorageOutage,
}
