using System.Diagnostics;
using AQueue.Local.Tests.Stress.Storm;
using AQueue.Local.Tests.Stress.Targets;
using Xunit;
using Xunit.Abstractions;

namespace AQueue.Local.Tests.Stress;

/// <summary>
/// The in-process storm (issue 6): on every queue and model, thousands of tasks and two plain threads mix
/// async and sync calls, random cancellations and timeouts while waiting and while running, and closures that
/// throw. Afterwards the state is exactly what the acknowledged calls imply, no lock is held, nobody waits,
/// and the same model still serves 100,000 quick calls.
/// </summary>
/// <remarks>
/// CI runs one seeded round per target (about 1-3 s each). A soak repeats rounds on the same model:
/// <c>AQUEUE_SOAK=1 dotnet test tests/AQueue.Local.Tests -c Release --filter FullyQualifiedName~Stress</c>
/// (120 s per target) or <c>AQUEUE_SOAK=600</c> (600 s per target). <c>AQUEUE_STORM_SEED</c> replays a seed,
/// <c>AQUEUE_STORM_CALLS</c> sets the calls per round. See <see cref="StormSettings"/>.
/// </remarks>
public sealed class StormTests(ITestOutputHelper output)
{
    private const int QuickCalls = 100_000;
    private const int QuickLoops = 4;
    private static readonly TimeSpan s_quickBound = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Targets => [.. StormTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Storm_keeps_acknowledged_writes_leaves_no_lock_or_waiter_and_the_model_serves_on(string name)
    {
        StormSettings settings = StormSettings.FromEnvironment();
        IStormTarget target = StormTargets.Create(name);
        output.WriteLine($"{name}: {(settings.IsSoak ? $"soak for {settings.SoakDuration.TotalSeconds:F0} s" : "one CI round")}, " +
                         $"{settings.CallsPerRound} calls per round, first seed {settings.Seed}");

        var total = Stopwatch.StartNew();
        int round = 0;
        long calls = 0, cancellations = 0, timeouts = 0, faults = 0, acknowledged = 0, appliedUnacknowledged = 0;
        do
        {
            int seed = settings.Seed + round;
            StormReport report = await Task.Run(() => StormRunner.RunRoundAsync(target, seed, round * settings.CallsPerRound, settings.CallsPerRound));
            output.WriteLine(report.Summary());
            Assert.True(report.ViolationCount == 0, report.Failure());
            calls += report.Calls;
            cancellations += report.CancelledWaiting + report.CancelledRunning;
            timeouts += report.TimedOutWaiting + report.TimedOutRunning;
            faults += report.Faults;
            acknowledged += report.Acknowledged;
            appliedUnacknowledged += report.AppliedUnacknowledged;
            round++;

            // Concurrency was really exercised: the bound was reached, and reads ran side by side.
            if (target.Bound > 1)
            {
                Assert.True(report.MaxWriters >= 2, $"{name}: never more than one closure ran at once; the bound is {target.Bound}");
            }

            if (target.HasReads)
            {
                Assert.True(report.MaxReaders >= 2, $"{name}: reads never ran side by side");
            }
        }
        while (total.Elapsed < settings.SoakDuration);

        output.WriteLine($"{name}: {round} round(s), {calls} calls, {acknowledged} acknowledged, {cancellations} cancellations, " +
                         $"{timeouts} timeouts, {faults} faults, {appliedUnacknowledged} applied but unacknowledged, {total.Elapsed.TotalSeconds:F2} s");

        // The same model serves on, at speed: 100,000 quick calls from four concurrent loops.
        long before = target.Cell.Sum;
        var quick = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, QuickLoops).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < QuickCalls / QuickLoops; i++)
            {
                await target.QuickWriteAsync();
            }
        })));
        quick.Stop();
        output.WriteLine($"{name}: {QuickCalls} quick calls after the storm in {quick.Elapsed.TotalMilliseconds:F0} ms " +
                         $"({QuickCalls / quick.Elapsed.TotalSeconds:F0} calls/s)");
        Assert.Equal(before + QuickCalls, target.Cell.Sum);
        Assert.True(quick.Elapsed < s_quickBound, $"{name}: {QuickCalls} quick calls took {quick.Elapsed}; bound {s_quickBound}");
        Assert.Null(target.BusyState());
    }
}
