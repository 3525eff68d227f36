namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One call of the honesty load: what was sent, how the caller gave up, and what it was told when.</summary>
public sealed class StampedCall : RecordedCall
{
    public required CallTarget Target { get; init; }

    public required string Key { get; init; }

    public required LoadPhase Phase { get; init; }

    /// <summary>The silo the operation ran on, when the call completed.</summary>
    public string? RanOn { get; set; }
}
