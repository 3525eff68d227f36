using Orleans.Runtime;

namespace AQueue.Orleans.Tests;

/// <summary>Runs <c>call</c> when the silo's start reaches <c>stage</c>.</summary>
internal sealed class StageCall(int stage, Func<CancellationToken, Task> call) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(StageCall), stage, call);
}
