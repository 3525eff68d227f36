using Xunit;

namespace AQueue.Local.Tests.Support;

/// <summary>A fact that needs per-thread CPU time from /proc/thread-self/stat: skipped, visibly, where there is none.</summary>
public sealed class ThreadCpuFactAttribute : FactAttribute
{
    public ThreadCpuFactAttribute()
    {
        if (!File.Exists("/proc/thread-self/stat"))
        {
            Skip = "Needs per-thread CPU time from /proc/thread-self/stat (Linux); CI runs on Linux.";
        }
    }
}
