using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;

namespace AQueue.Orleans.Internal;

/// <summary>
/// When an external client has started, learns the silos' PCModel registrations (a client without a registry only) and
/// then opens the client's <see cref="StartGate"/>.
/// </summary>
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
internal sealed class ClientStartParticipant(
    StartGate gate, SiloPCModels pcModels, IServiceProvider services, ILogger<ClientStartParticipant> logger)
    : ILifecycleParticipant<IClusterClientLifecycle>
{
    public void Participate(IClusterClientLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClientStartParticipant), ServiceLifecycleStage.First, OnStartAsync);

    private async Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ModelRegistry>() is null)
        {
            try
            {
                PCModelCatalog catalog = await services.GetRequiredService<IGrainFactory>().GetGrain<IPCModelCatalogGrain>(0)
                    .DescribeAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                pcModels.Learn(catalog);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The client still works: each PCModel type then asks a silo on its first use, as before.
                logger.LogWarning(
                    exception,
                    "AQueue could not learn the silos' PCModel registrations at start-up; each PCModel type will ask a silo on its first use");
            }
        }

        gate.Open();
    }
}
