using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// Registration composes (a second <c>AddAQueue</c> adds to the first one's registrations), on a client as on a silo,
/// and is validated when the host starts: contradictory registrations stop it with a message that names them.
/// </summary>
public sealed class RegistrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("client")]
    [InlineData("silo")]
    public void Repeated_registrations_compose_into_one_registry(string side)
    {
        int runs = 0;
        Action<ModelRegistry> first = models => { runs++; models.AddInitialValue<long>(key => 41); };
        Action<ModelRegistry> second = models => { runs++; models.AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3); };
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        if (side == "client")
        {
            builder.UseOrleansClient(client => client.UseLocalhostClustering().AddAQueue(first).AddAQueue(second));
        }
        else
        {
            builder.UseOrleans(silo => silo.UseLocalhostClustering().AddAQueue(first).AddAQueue(second));
        }

        using IHost host = builder.Build();
        Assert.Equal(0, runs); // options: read when first needed, not during AddAQueue

        ModelRegistry registry = Assert.Single(host.Services.GetServices<ModelRegistry>());
        Assert.Equal(2, runs);
        Assert.Same(host.Services.GetRequiredService<IOptions<AQueueOptions>>().Value.Models, registry);
        Assert.Equal(41, registry.CreateInitialValue<long>("k"));
        Assert.Equal(3, registry.GetPCModel<Uri>().MaxConcurrency);
    }

    [Fact]
    public void A_client_given_registrations_only_by_a_later_call_has_them_and_one_given_none_has_no_registry()
    {
        HostApplicationBuilder given = Host.CreateApplicationBuilder();
        given.UseOrleansClient(client => client.UseLocalhostClustering()
            .AddAQueue()
            .AddAQueue(models => models.AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3)));
        HostApplicationBuilder none = Host.CreateApplicationBuilder();
        none.UseOrleansClient(client => client.UseLocalhostClustering().AddAQueue().AddAQueue());

        using IHost withRegistry = given.Build();
        using IHost withoutRegistry = none.Build();

        Assert.Equal(3, Assert.Single(withRegistry.Services.GetServices<ModelRegistry>()).GetPCModel<Uri>().MaxConcurrency);
        Assert.Null(withoutRegistry.Services.GetService<ModelRegistry>());
        Assert.IsType<OrleansModelProvider>(Assert.Single(withoutRegistry.Services.GetServices<IModelProvider>()));
    }

    [Theory]
    [InlineData("client")]
    [InlineData("silo")]
    public async Task Contradictory_registrations_stop_the_host_from_starting_with_what_contradicts(string side)
    {
        Action<ModelRegistry> first = models => models
            .AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3)
            .AddRwModel<string>(RwModelMapping.WritePreferring);
        Action<ModelRegistry> second = models => models
            .AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 4, PCModelMapping.PerCluster)
            .AddRwModel<string>(RwModelMapping.ReadOnlyInterleaving);
        using IHost host = Build(side, h => h.AddAQueue(first).AddAQueue(second), s => s.AddAQueue(first).AddAQueue(second));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartThenStopAsync(host));

        Assert.Contains(
            "PCModels of System.Uri are registered twice with different settings: maxConcurrency 3, PCModelMapping.PerSilo, " +
            "then maxConcurrency 4, PCModelMapping.PerCluster",
            refused.Message, StringComparison.Ordinal);
        Assert.Contains(
            "reader-writer models of System.String are registered with two mappings: RwModelMapping.WritePreferring, then " +
            "RwModelMapping.ReadOnlyInterleaving",
            refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, refused.Failures.Count());
    }

    [Fact]
    public void The_same_registration_made_twice_is_no_contradiction()
    {
        Action<ModelRegistry> both = models => models
            .AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3)
            .AddRwModel<string>(RwModelMapping.ReadOnlyInterleaving);
        using IHost host = Build("silo", c => c.AddAQueue(both).AddAQueue(both), s => s.AddAQueue(both).AddAQueue(both));

        AQueueOptions options = host.Services.GetRequiredService<IOptions<AQueueOptions>>().Value;

        Assert.All(host.Services.GetServices<IValidateOptions<AQueueOptions>>(), v => Assert.True(v.Validate(Options.DefaultName, options).Succeeded));
    }

    /// <summary>A client or silo host on free ports, so that a host that starts when it should not fails the test
    /// without disturbing anything else.</summary>
    private static IHost Build(string side, Action<IClientBuilder> client, Action<ISiloBuilder> silo) =>
        side == "client"
            ? LocalHosts.Client(LocalHosts.FreePorts(1)[0], client)
            : LocalHosts.Silo(silo, out _);

    /// <summary>Starts the host and, if it started, stops it again.</summary>
    private static async Task StartThenStopAsync(IHost host)
    {
        await host.StartAsync().WaitAsync(Patience);
        await host.StopAsync().WaitAsync(Patience);
    }
}
