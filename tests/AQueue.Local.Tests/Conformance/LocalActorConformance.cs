using AQueue.Conformance;

namespace AQueue.Local.Tests.Conformance;

/// <summary>Runs the actor conformance suite in-process. Every stated difference keeps its in-process default.</summary>
public sealed class LocalActorConformance : ActorConformance
{
    protected override IModelProvider Models { get; } = LocalModels.Create();

    protected override ValueTask<int> CountWaitingCallsAsync(string key) => new(((Actor<long>)Models.GetActor<long>(key)).WaitingCount);
}
