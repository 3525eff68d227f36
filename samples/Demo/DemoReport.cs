namespace AQueue.Samples.Demo;

/// <summary>What the demo did and what it verified.</summary>
public sealed class DemoReport
{
    public List<DemoPhase> Phases { get; } = [];

    public List<DemoCheck> Checks { get; } = [];

    public bool Passed => Checks.Count > 0 && Checks.TrueForAll(c => c.Passed);

    public void Check(string name, bool passed, string detail) => Checks.Add(new DemoCheck(name, passed, detail));

    public void WriteTo(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"phase",-34} {"calls",8} {"elapsed",10} {"calls/s",10} {"peak",5}");
        foreach (DemoPhase phase in Phases)
        {
            output.WriteLine($"{phase.Name,-34} {phase.Calls,8:N0} {phase.Elapsed.TotalMilliseconds,8:N0}ms {phase.CallsPerSecond,10:N0} {(phase.PeakConcurrency > 0 ? phase.PeakConcurrency.ToString() : "-"),5}");
        }

        output.WriteLine();
        foreach (DemoCheck check in Checks)
        {
            output.WriteLine($"[{(check.Passed ? "ok" : "FAILED")}] {check.Name}: {check.Detail}");
        }

        output.WriteLine();
        output.WriteLine(Passed ? "Demo passed: every check held." : "Demo FAILED: see the checks above.");
    }
}
