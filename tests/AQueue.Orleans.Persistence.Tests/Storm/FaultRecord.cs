namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One fault the storm injected, and how the cluster took it.</summary>
public sealed class FaultRecord
{
    public required int Number { get; init; }

    public required StormFault Fault { get; init; }

    /// <summary>Seconds into the storm when it began.</summary>
    public required double AtSeconds { get; init; }

    /// <summary>The silo stopped, killed or started; null for a storage outage.</summary>
    public string? Silo { get; set; }

    /// <summary>For a kill or a stop: how many of the generation's placed models the silo held, of how many, and whether it
    /// held the most of the secondaries.</summary>
    public string? Held { get; set; }

    /// <summary>A storage outage that ran during a silo fault.</summary>
    public bool Overlapped { get; init; }

    /// <summary>How long the fault itself took, in ms: the call that killed, stopped or started the silo, or the outage.</summary>
    public double LastedMs { get; set; }

    /// <summary>From the fault's start (for a storage outage: its end) until every model of the generation answered the client
    /// again (and a started silo), in ms; null when some did not within the patience.</summary>
    public double? RecoveredMs { get; set; }

    /// <summary>The models that did not answer, when <see cref="RecoveredMs"/> is null.</summary>
    public string? Silent { get; set; }

    public string Label => $"{Fault} {Number}";
}
