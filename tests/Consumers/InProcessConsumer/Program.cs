using AQueue;
using AQueue.Local;
using Microsoft.Extensions.DependencyInjection;

// A model built directly.
var counter = new Actor<long>(0);
await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => counter.InnerCallAsync(s => new ValueTask<long>(++s.Value)).AsTask()));
long direct = await counter.InnerCallAsync(s => new ValueTask<long>(s.Value));

// The same through dependency injection and the backend-agnostic contract.
await using ServiceProvider services = new ServiceCollection()
    .AddAQueueLocal(models => models.AddInitialValue<long>(key => 10))
    .BuildServiceProvider();
IActor<long> actor = services.GetRequiredService<IModelProvider>().GetActor<long>("consumer");
long viaProvider = await actor.InnerCallAsync(new AddOne());

// Re-entering a model from its own closure is refused at once.
bool refused = false;
try
{
    await counter.InnerCallAsync(async s => await counter.InnerCallAsync(t => new ValueTask<long>(t.Value)));
}
catch (ModelReentrancyException)
{
    refused = true;
}

Console.WriteLine($"direct {direct}, via provider {viaProvider}, re-entrancy refused {refused}");
return direct == 100 && viaProvider == 11 && refused ? 0 : 1;

internal sealed class AddOne : IWriteOperation<long, long>
{
    public ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(++state.Value);
}
