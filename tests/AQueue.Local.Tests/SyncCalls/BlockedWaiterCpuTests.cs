using System.Globalization;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.SyncCalls;

/// <summary>
/// Blocking callers spin briefly, then really wait: while they wait, they burn no CPU.
/// </summary>
/// <remarks>
/// Measured per thread (each blocked thread reads its own CPU time, from /proc, before and after its call), so
/// neither other tests nor other processes on a shared machine blur the figure. Process-wide CPU time was
/// tried first and is useless here: the runtime's background JIT alone uses a few hundred ms just after the
/// parallel tests.
/// </remarks>
[Collection(SerialCollection.Name)]
public sealed class BlockedWaiterCpuTests
{
    [ThreadCpuFact]
    public async Task Blocked_callers_do_not_burn_a_core_while_they_wait()
    {
        var model = new RwModel<int>(0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task held = model.CallMutAsync(async _ => await gate.Task.ConfigureAwait(false)).AsTask();

        var cpu = new TimeSpan[4];
        var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
        {
            TimeSpan before = ThreadCpuTime();
            if (i % 2 == 0)
            {
                model.CallMut(s => { s.Value++; });
            }
            else
            {
                model.Call(s => s.Value);
            }

            cpu[i] = ThreadCpuTime() - before;
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        // Queued is not yet blocked (a queued caller still registers its token and takes the waiter's monitor): the
        // window measures only once each thread really waits.
        await Poll.UntilAsync(
            () => model.WaitingCount == 4 && threads.All(t => (t.ThreadState & ThreadState.WaitSleepJoin) != 0),
            "the four blocking callers queue and block");
        await Task.Delay(600); // the window over which their CPU is measured
        Assert.Equal(4, model.WaitingCount);
        gate.SetResult();
        await held;
        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(2, model.Call(s => s.Value));
        // A thread spinning for 0.6 s uses hundreds of ms, even on a loaded machine; a waiting one next to none.
        Assert.All(cpu, used => Assert.True(used < TimeSpan.FromMilliseconds(40), $"a blocked caller used {used.TotalMilliseconds:F0} ms of CPU while it waited"));
    }

    /// <summary>This thread's user plus system time, from /proc/thread-self/stat (fields 14 and 15, in clock ticks).</summary>
    private static TimeSpan ThreadCpuTime()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10); // USER_HZ is 100 on Linux
    }
}
