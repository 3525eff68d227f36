using AQueue.Local.Tests.Stress.Storm;

namespace AQueue.Local.Tests.Stress.Targets;

/// <summary>One queue or model under the storm, with the calls the storm makes on it.</summary>
internal interface IStormTarget
{
    string Name { get; }

    /// <summary>The most closures that may run at once (writers, for a reader-writer target).</summary>
    int Bound { get; }

    /// <summary>Has shared reads beside exclusive writes.</summary>
    bool HasReads { get; }

    /// <summary>Has blocking calls (RwModel.Call/CallMut, RwQueue.Read/Write).</summary>
    bool HasSyncApi { get; }

    /// <summary>Takes the contract's operation objects.</summary>
    bool HasOperations { get; }

    IStormCell Cell { get; }

    /// <summary>The async call <paramref name="plan"/> describes.</summary>
    ValueTask<long> CallAsync(StormContext context, CallPlan plan, CancellationToken cancellationToken);

    /// <summary>The blocking call <paramref name="plan"/> describes; only when <see cref="HasSyncApi"/>.</summary>
    long CallSync(StormContext context, CallPlan plan, CancellationToken cancellationToken);

    /// <summary>A quick write that adds one (the speed check after the storm).</summary>
    ValueTask QuickWriteAsync();

    /// <summary>Null when no closure holds the lock and nobody waits; else what is still held.</summary>
    string? BusyState();
}
