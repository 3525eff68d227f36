namespace AQueue.Orleans.Persistence.Tests;

/// <summary>What the cluster was going through when a call of the honesty load was sent.</summary>
public enum LoadPhase
{
    /// <summary>No fault: every silo up.</summary>
    Quiet,

    /// <summary>Before the faults of the fault test.</summary>
    BeforeFaults,

    /// <summary>A silo is stopping gracefully (from the call to <c>StopSiloAsync</c> until it returned).</summary>
    Stopping,

    /// <summary>After the graceful stop, while a new silo starts and joins.</summary>
    Restarting,

    /// <summary>A silo was killed; until every model answered again.</summary>
    Killed,

    /// <summary>After every model answered again.</summary>
    Healed,
}
