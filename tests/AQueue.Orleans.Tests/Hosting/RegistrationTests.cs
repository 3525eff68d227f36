using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>Registration composes: a second <c>AddAQueue</c> adds to the first one's registry, on a client as on a silo.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Repeated_client_registrations_compose_into_one_registry()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering()
            .AddAQueue(models => models.AddInitialValue<long>(key => 41))
            .AddAQueue(models => models.AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3)));
        using IHost host = builder.Build();

        ModelRegistry registry = Assert.Single(host.Services.GetServices<ModelRegistry>());
        Assert.Equal(41, registry.CreateInitialValue<long>("k"));
        Assert.Equal(3, registry.GetPCModel<Uri>().MaxConcurrency);
    }

    [Fact]
    public void Repeated_silo_registrations_compose_into_one_registry()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddAQueue(models => models.AddInitialValue<long>(key => 41))
            .AddAQueue(models => models.AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3)));
        using IHost host = builder.Build();

        ModelRegistry registry = Assert.Single(host.Services.GetServices<ModelRegistry>());
        Assert.Equal(41, registry.CreateInitialValue<long>("k"));
        Assert.Equal(3, registry.GetPCModel<Uri>().MaxConcurrency);
    }
}
