using AQueue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

// A localhost silo on ports of its own, with AQueue's models; the program calls them through IModelProvider.
IHost host = Host.CreateDefaultBuilder(args)
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans(silo => silo
        .UseLocalhostClustering(siloPort: 11_411, gatewayPort: 30_411)
        .AddAQueue(models => models.AddInitialValue<long>(key => 100)))
    .Build();
await host.StartAsync();
try
{
    IModelProvider models = host.Services.GetRequiredService<IModelProvider>();
    IActor<long> actor = models.GetActor<long>("consumer");
    long[] seen = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => actor.InnerCallAsync(new Add(1)).AsTask()));
    long final = await actor.InnerCallAsync(new Add(0));

    bool timedOut = false;
    try
    {
        await actor.InnerCallAsync(new Add(1), TimeSpan.Zero);
    }
    catch (TimeoutException)
    {
        timedOut = true;
    }

    Console.WriteLine($"final {final}, distinct results {seen.Distinct().Count()}, zero timeout refused {timedOut}");
    return final == 150 && seen.Distinct().Count() == 50 && timedOut ? 0 : 1;
}
finally
{
    await host.StopAsync();
}

/// <summary>The consumer's own operation type: Orleans' code generator runs in this project.</summary>
[GenerateSerializer]
internal sealed record Add([property: Id(0)] long Amount) : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(state.Value += Amount);
}
