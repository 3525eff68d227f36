using System.Collections.Concurrent;
using AQueue.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// A client without a registry learns the silos' PCModel registrations while it starts: <see cref="IPCModel{T}.MaxConcurrency"/>
/// and the first call of a registered type need no call to ask; if the silo cannot say, each type still asks on first use.
/// </summary>
public sealed class PCModelStartUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_client_without_a_registry_knows_each_registered_bound_and_mapping_from_its_start_without_a_call()
    {
        string key = Guid.NewGuid().ToString("N");
        var sent = new ConcurrentQueue<string>();
        using IHost silo = LocalHosts.Silo(s => s.AddAQueue(Register), out int gateway);
        await silo.StartAsync().WaitAsync(Patience);
        try
        {
            using IHost client = LocalHosts.Client(gateway, c => c.AddAQueue().AddOutgoingGrainCallFilter(context =>
            {
                Record(sent, context);
                return context.Invoke();
            }));
            await client.StartAsync().WaitAsync(Patience);
            try
            {
                IModelProvider models = client.Services.GetRequiredService<IModelProvider>();
                sent.Clear();

                Assert.Equal(2, models.GetPCModel<PcResource>(key).MaxConcurrency);
                Assert.Equal(3, models.GetPCModel<PerClusterPcResource>(key).MaxConcurrency);
                Assert.Empty(sent);

                // Each call reaches the grain its silo's mapping names at once (the per-cluster grain refuses a call
                // meant for the per-silo one, and the other way round).
                Assert.StartsWith($"{key}#", await models.GetPCModel<PcResource>(key).CallAsync(new DescribeResource<PcResource>()), StringComparison.Ordinal);
                Assert.StartsWith($"{key}#", await models.GetPCModel<PerClusterPcResource>(key).CallAsync(new DescribeResource<PerClusterPcResource>()), StringComparison.Ordinal);
                Assert.Equal(["aqueue.IPCModelWorkerGrain.CallAsync", "aqueue.IPCModelGrain.CallAsync"], sent);
            }
            finally
            {
                await client.StopAsync();
            }
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task A_client_whose_silo_cannot_say_at_start_asks_on_first_use_instead_and_never_blocks_a_read_of_the_bound()
    {
        string key = Guid.NewGuid().ToString("N");
        var sent = new ConcurrentQueue<string>();
        using IHost silo = LocalHosts.Silo(s => s.AddAQueue(Register), out int gateway);
        await silo.StartAsync().WaitAsync(Patience);
        try
        {
            using IHost client = LocalHosts.Client(gateway, c => c.AddAQueue().AddOutgoingGrainCallFilter(context =>
            {
                Record(sent, context);
                return context.InterfaceType.ToString().StartsWith("aqueue.IPCModelCatalogGrain", StringComparison.Ordinal)
                    ? throw new InvalidOperationException("The catalog is out of reach in this test.")
                    : context.Invoke();
            }));
            await client.StartAsync().WaitAsync(Patience);
            try
            {
                IModelProvider models = client.Services.GetRequiredService<IModelProvider>();
                Assert.Equal(["aqueue.IPCModelCatalogGrain.DescribeAsync"], sent);
                sent.Clear();

                // Not known yet, and reading it does not wait for the silo: it throws, and has the silo asked.
                IPCModel<PerClusterPcResource> model = models.GetPCModel<PerClusterPcResource>(key);
                InvalidOperationException early = Assert.Throws<InvalidOperationException>(() => model.MaxConcurrency);
                Assert.Contains("not known on this client yet", early.Message, StringComparison.Ordinal);
                Assert.StartsWith($"{key}#", await model.CallAsync(new DescribeResource<PerClusterPcResource>()), StringComparison.Ordinal);
                Assert.Equal(3, model.MaxConcurrency);
                Assert.Equal(["aqueue.IPCModelWorkerGrain.DescribeAsync", "aqueue.IPCModelGrain.CallAsync"], sent);
            }
            finally
            {
                await client.StopAsync();
            }
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    private static void Register(ModelRegistry models) => models
        .AddPCModel((services, key) => new PcResource(key), maxConcurrency: 2)
        .AddPCModel((services, key) => new PerClusterPcResource(key), maxConcurrency: 3, PCModelMapping.PerCluster);

    /// <summary>Notes the AQueue grain calls the client sends, as "interface.method" (Orleans' own are left out).</summary>
    private static void Record(ConcurrentQueue<string> sent, IOutgoingGrainCallContext context)
    {
        string interfaceType = context.InterfaceType.ToString();
        if (interfaceType.StartsWith("aqueue.", StringComparison.Ordinal))
        {
            // Which grain, and which of its methods: a proxy sends an operation type's first call to the contract-typed
            // method and later ones to the typed one (CallAsync<TOperation, TResult>), the same method to the grain.
            int generic = interfaceType.IndexOf('`', StringComparison.Ordinal);
            int typeArguments = context.MethodName.IndexOf('<', StringComparison.Ordinal);
            string method = typeArguments < 0 ? context.MethodName : context.MethodName[..typeArguments];
            sent.Enqueue($"{(generic < 0 ? interfaceType : interfaceType[..generic])}.{method}");
        }
    }
}
