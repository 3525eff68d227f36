using System.Diagnostics;
using System.Globalization;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// Measures how late the process runs a timer's continuation (a 10 ms <see cref="Task.Delay(int)"/>, again and again) while
/// the storm runs: the lateness every timed call's answer also pays, whatever AQueue does. Keeps the worst, the thread
/// pool's size, the GC's pauses and how long storage writes held their threads (<see cref="StorageFaults.LongestHold"/>):
/// the machine's share of a late answer.
/// </summary>
public sealed class StallWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<double> _late = [];

    public StallWatch()
    {
        StorageFaults.ResetHolds();
        ThreadsAtStart = ThreadPool.ThreadCount;
        _loop = Task.Run(LoopAsync);
    }

    public int ThreadsAtStart { get; }

    public int MostThreads { get; private set; }

    /// <summary>The worst lateness of a 10 ms timer, in ms.</summary>
    public double WorstMs { get; private set; }

    /// <summary>How many times a 10 ms timer ran more than 100 ms late.</summary>
    public int Over100Ms { get; private set; }

    /// <summary>Total GC pause time while watched, in ms.</summary>
    public double GcPauseMs { get; private set; }

    private TimeSpan GcPauseAtStart { get; } = GC.GetTotalPauseDuration();

    /// <summary>One line for the storm's table (once disposed).</summary>
    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture,
            $"timers ran up to {WorstMs:F0} ms late ({Over100Ms} times over 100 ms); GC paused {GcPauseMs:F0} ms in all; pool threads " +
            $"{ThreadsAtStart} -> {MostThreads}; storage writes held their thread up to {StorageFaults.LongestHold.TotalMilliseconds:F0} ms " +
            $"({StorageFaults.HoldsOver100Ms} over 100 ms)");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        GcPauseMs = (GC.GetTotalPauseDuration() - GcPauseAtStart).TotalMilliseconds;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            long start = Stopwatch.GetTimestamp();
            await Task.Delay(10, CancellationToken.None);
            double late = Stopwatch.GetElapsedTime(start).TotalMilliseconds - 10;
            WorstMs = Math.Max(WorstMs, late);
            Over100Ms += late > 100 ? 1 : 0;
            MostThreads = Math.Max(MostThreads, ThreadPool.ThreadCount);
        }
    }
}
