using Orleans;
using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>Opens the silo's <see cref="StartGate"/> once the silo's runtime can carry a grain call.</summary>
/// <remarks>
/// <para>The stage is <see cref="ServiceLifecycleStage.AfterRuntimeGrainServices"/>, the first one after the stage that
/// starts the runtime's grain services. Before the silo starts its lifecycle, a call from the silo's services fails
/// inside Orleans (a <see cref="NullReferenceException"/> in <c>InsideRuntimeClient.SendRequest</c>: the silo's hosted
/// client is wired up only when the silo is built); at <see cref="ServiceLifecycleStage.RuntimeGrainServices"/> the
/// hosted client, the cluster manifest, the grain directory and the membership table start. From then on a call is
/// sent: on a silo that joins a running cluster, calls from <see cref="ServiceLifecycleStage.ApplicationServices"/> on
/// reach models on the active silos (tested); on the first silo of a cluster Orleans itself refuses them ("No active
/// nodes are compatible with grain ...") until the silo is active, which it is when start-up tasks run
/// (<see cref="ServiceLifecycleStage.Active"/>, <c>AddStartupTask</c>'s default; tested).</para>
/// <para>Not chosen: <c>IHostApplicationLifetime.ApplicationStarted</c> and <c>IServiceLifecycle.Started</c>, which fire
/// at or after <see cref="ServiceLifecycleStage.Active"/> and would refuse start-up tasks, nor the silo's
/// <see cref="SiloStatus"/> (<see cref="SiloStatus.Active"/> only after <see cref="ServiceLifecycleStage.BecomeActive"/>),
/// which would refuse the calls a joining silo can already make.</para>
/// </remarks>
internal sealed class SiloStartParticipant(StartGate gate) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloStartParticipant), ServiceLifecycleStage.AfterRuntimeGrainServices, _ =>
        {
            gate.Open();
            return Task.CompletedTask;
        });
}
