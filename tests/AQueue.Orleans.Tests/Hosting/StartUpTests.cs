using AQueue.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Runtime;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// Calls made before the silo or client has started fail at once with what to do, leave nothing behind, and the same
/// models work once the host has started; silo start-up code reaches models.
/// </summary>
public sealed class StartUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_call_on_a_silo_before_it_has_started_fails_at_once_and_start_up_tasks_and_later_calls_reach_the_models()
    {
        string key = Guid.NewGuid().ToString("N");
        long? seenByStartUpTask = null;
        using IHost host = LocalHosts.Silo(
            silo => silo
                .AddAQueue(models => models.AddPCModel((services, k) => new PcResource(k), maxConcurrency: 2))
                // AddStartupTask's default stage, ServiceLifecycleStage.Active: before the host's ApplicationStarted.
                .AddStartupTask(async (services, cancellationToken) =>
                    seenByStartUpTask = await services.GetRequiredService<IModelProvider>().GetActor<long>(key).InnerCallAsync(new Increment(Probe.Create().Id), cancellationToken)),
            out _);
        IModelProvider models = host.Services.GetRequiredService<IModelProvider>();

        var actor = Assert.Throws<InvalidOperationException>(() => models.GetActor<long>(key));
        var rw = Assert.Throws<InvalidOperationException>(() => models.GetRwModel<long>(key));
        var pc = Assert.Throws<InvalidOperationException>(() => models.GetPCModel<PcResource>(key));
        Assert.All([actor, rw, pc], e => Assert.Contains("before this silo has started", e.Message, StringComparison.Ordinal));
        Assert.Contains("after await host.StartAsync()", actor.Message, StringComparison.Ordinal);

        await host.StartAsync().WaitAsync(Patience);
        try
        {
            Assert.Equal(1, seenByStartUpTask);
            Assert.Equal(1, await models.GetActor<long>(key).InnerCallAsync(new GetCount()));
            Assert.Equal(0, await models.GetRwModel<long>(key).CallAsync(new GetCount()));
            Assert.StartsWith($"{key}#", await models.GetPCModel<PcResource>(key).CallAsync(new DescribeResource<PcResource>()), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_call_on_a_client_before_it_has_started_fails_at_once_and_leaves_the_model_types_working()
    {
        string key = Guid.NewGuid().ToString("N");
        using IHost silo = LocalHosts.Silo(s => s.AddAQueue(models => models.AddPCModel((services, k) => new PcResource(k), maxConcurrency: 2)), out int gateway);
        await silo.StartAsync().WaitAsync(Patience);
        try
        {
            using IHost client = LocalHosts.Client(gateway, c => c.AddAQueue());
            IModelProvider models = client.Services.GetRequiredService<IModelProvider>();

            Exception? actor = Record.Exception(() => models.GetActor<long>(key));
            Exception? rw = Record.Exception(() => models.GetRwModel<long>(key));
            Exception? pc = Record.Exception(() => models.GetPCModel<PcResource>(key));
            await client.StartAsync().WaitAsync(Patience);
            try
            {
                // The same model types work now. (Orleans' client keeps an early failed lookup of a generic grain
                // interface for the life of the process: these calls would fail with "Could not find an
                // implementation for interface aqueue.IActorGrain`1[[long]]" had the early calls reached it.)
                Assert.Equal(0, await models.GetActor<long>(key).InnerCallAsync(new GetCount()));
                Assert.Equal(0, await models.GetRwModel<long>(key).CallAsync(new GetCount()));
                Assert.StartsWith($"{key}#", await models.GetPCModel<PcResource>(key).CallAsync(new DescribeResource<PcResource>()), StringComparison.Ordinal);
            }
            finally
            {
                await client.StopAsync();
            }

            Assert.All([actor, rw, pc], e =>
            {
                Assert.IsType<InvalidOperationException>(e);
                Assert.Contains("before this cluster client has started", e.Message, StringComparison.Ordinal);
                Assert.Contains("Nothing was sent or kept", e.Message, StringComparison.Ordinal);
            });
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task A_silo_joining_a_running_cluster_reaches_models_from_its_application_services_stage()
    {
        // Before the joining silo is active in the cluster (SiloStatus.Joining, before ServiceLifecycleStage.Active),
        // its runtime already carries calls to the models on the active silo.
        string key = Guid.NewGuid().ToString("N");
        using IHost first = LocalHosts.Silo(s => s.AddAQueue(), out int firstSiloPort, out _);
        await first.StartAsync().WaitAsync(Patience);
        try
        {
            var seen = new TaskCompletionSource<(long Count, SiloStatus Status)>(TaskCreationOptions.RunContinuationsAsynchronously);
            using IHost joining = LocalHosts.Silo(
                s => s.AddAQueue().Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                    new StageCall(ServiceLifecycleStage.ApplicationServices, async cancellationToken =>
                    {
                        try
                        {
                            long count = await services.GetRequiredService<IModelProvider>().GetActor<long>(key).InnerCallAsync(new GetCount(), cancellationToken);
                            seen.TrySetResult((count, services.GetRequiredService<ISiloStatusOracle>().CurrentStatus));
                        }
                        catch (Exception exception)
                        {
                            seen.TrySetException(exception);
                        }
                    })),
                out _,
                primarySiloPort: firstSiloPort);
            await joining.StartAsync().WaitAsync(Patience);
            try
            {
                (long count, SiloStatus status) = await seen.Task;
                Assert.Equal(0, count);
                Assert.Equal(SiloStatus.Joining, status);
            }
            finally
            {
                await joining.StopAsync();
            }
        }
        finally
        {
            await first.StopAsync();
        }
    }
}
