using System.Collections.Concurrent;
using Orleans.Concurrency;

namespace AQueue.Orleans.Tests;

/// <summary>
/// Two workers per silo, non-reentrant: a second call while the first runs gets the second worker. Records what each
/// call saw in <see cref="Seen"/> (the test cluster's silos run in the test process).
/// </summary>
[StatelessWorker(2)]
public sealed class StatelessCancellationProbeGrain : Grain, IStatelessCancellationProbeGrain
{
    /// <summary>Per call name: started, and whether its token was cancelled before its limit passed.</summary>
    public static ConcurrentDictionary<string, bool?> Seen { get; } = new();

    public async Task HoldAsync(string name, TimeSpan limit, CancellationToken cancellationToken)
    {
        Seen[name] = null;
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            await Task.WhenAny(cancelled.Task, Task.Delay(limit));
        }

        Seen[name] = cancellationToken.IsCancellationRequested;
    }
}
