namespace AQueue.Samples.Demo;

/// <summary>One part of the demo and its figures.</summary>
/// <param name="Name">The model and scenario.</param>
/// <param name="Calls">Calls made.</param>
/// <param name="Elapsed">Wall-clock time for them.</param>
/// <param name="PeakConcurrency">The most operations seen running at once (0 when not measured).</param>
public sealed record DemoPhase(string Name, int Calls, TimeSpan Elapsed, int PeakConcurrency)
{
    /// <summary>Calls per second.</summary>
    public double CallsPerSecond => Elapsed > TimeSpan.Zero ? Calls / Elapsed.TotalSeconds : 0;
}
