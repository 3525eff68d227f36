using System.Text;

namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>The size of one storm round and every rule it found broken.</summary>
internal sealed class StormReport
{
    private const int MaxListed = 25;
    private readonly List<string> _violations = [];

    public required string Target { get; init; }

    public required int Seed { get; init; }

    public int Calls { get; set; }

    public int FromThreads { get; set; }

    public int Reads { get; set; }

    public int Acknowledged { get; set; }

    public int AcknowledgedWrites { get; set; }

    public int Faults { get; set; }

    public int CancelledWaiting { get; set; }

    public int CancelledRunning { get; set; }

    public int TimedOutWaiting { get; set; }

    public int TimedOutRunning { get; set; }

    public int AppliedUnacknowledged { get; set; }

    /// <summary>Closures that ran on after their caller was answered (cut off by a deadline or cancel); the lock stayed theirs.</summary>
    public int OutlivedCaller { get; set; }

    public int MaxWriters { get; set; }

    public int MaxReaders { get; set; }

    public TimeSpan Elapsed { get; set; }

    public int ViolationCount { get; private set; }

    public IReadOnlyList<string> Violations => _violations;

    public void Violate(string what)
    {
        ViolationCount++;
        if (_violations.Count < MaxListed)
        {
            _violations.Add(what);
        }
    }

    public string Summary() =>
        $"{Target} seed {Seed}: {Calls} calls ({FromThreads} from plain threads, {Reads} reads) in {Elapsed.TotalSeconds:F2} s; " +
        $"acknowledged {Acknowledged} ({AcknowledgedWrites} writes); faults {Faults}; " +
        $"cancellations {CancelledWaiting + CancelledRunning} ({CancelledWaiting} waiting, {CancelledRunning} running); " +
        $"timeouts {TimedOutWaiting + TimedOutRunning} ({TimedOutWaiting} waiting, {TimedOutRunning} running); " +
        $"applied but unacknowledged {AppliedUnacknowledged}; closures that outlived their caller {OutlivedCaller}; max writers {MaxWriters}, max readers {MaxReaders}; violations {ViolationCount}";

    public string Failure()
    {
        var text = new StringBuilder(Summary()).AppendLine();
        foreach (string violation in _violations)
        {
            text.Append("  - ").AppendLine(violation);
        }

        if (ViolationCount > _violations.Count)
        {
            text.Append("  ... and ").Append(ViolationCount - _violations.Count).AppendLine(" more");
        }

        return text.ToString();
    }
}
