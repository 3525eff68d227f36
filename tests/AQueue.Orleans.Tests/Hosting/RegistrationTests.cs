using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>Registration composes: a second <c>AddAQueue</c> adds to the first one's registry, on a client as on a silo.</summary>
public sealed class RegistrationTests
{
    [Theory]
    [InlineData("client")]
    [InlineData("silo")]
    public void Repeated_registrations_compose_into_one_registry(string side)
    {
        Action<ModelRegistry> first = models => models.AddInitialValue<long>(key => 41);
        Action<ModelRegistry> second = models => models.AddPCModel((services, key) => new Uri("http://localhost/" + key), maxConcurrency: 3);
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

        ModelRegistry registry = Assert.Single(host.Services.GetServices<ModelRegistry>());
        Assert.Equal(41, registry.CreateInitialValue<long>("k"));
        Assert.Equal(3, registry.GetPCModel<Uri>().MaxConcurrency);
    }
}
