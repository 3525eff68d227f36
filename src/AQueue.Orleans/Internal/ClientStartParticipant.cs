using Orleans;

namespace AQueue.Orleans.Internal;

/// <summary>Opens an external client's <see cref="StartGate"/> once the client has started.</summary>
/// <remarks>
/// The client's lifecycle starts only after <c>ClusterClient.StartAsync</c> has connected to a gateway and received the
/// cluster manifest (the grain types the silos host), so any stage is after the point from which grain calls resolve;
/// <see cref="ServiceLifecycleStage.First"/> opens the gate before every other client lifecycle participant runs. Before
/// that point Orleans answers a generic grain interface it does not know yet with an <see cref="ArgumentException"/>
/// ("Could not find an implementation for interface ...") and keeps that answer for the life of the process
/// (<c>GrainInterfaceTypeToGrainTypeResolver</c> caches the failed lookup of a constructed generic interface), so no
/// call may reach Orleans' grain factory earlier. <see cref="IClusterClient"/> has no public connection state to ask
/// instead.
/// </remarks>
internal sealed class ClientStartParticipant(StartGate gate) : ILifecycleParticipant<IClusterClientLifecycle>
{
    public void Participate(IClusterClientLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClientStartParticipant), ServiceLifecycleStage.First, _ =>
        {
            gate.Open();
            return Task.CompletedTask;
        });
}
