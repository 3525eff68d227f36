using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// A proxy sends an operation type's first call to the grain's contract-typed method (where a serializer failure is
/// explained) and later ones to its typed method (the operation's type a type argument: no runtime type on the wire);
/// both reach the same model, with or without a token. A proxy that has yet to learn its grain from a silo (a client
/// without a registry) sends its first call the explained way too.
/// </summary>
public sealed class TypedCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Later_calls_of_an_operation_type_go_to_the_typed_grain_method_and_reach_the_same_value()
    {
        string key = Guid.NewGuid().ToString("N");
        var sent = new ConcurrentQueue<string>();
        using IHost silo = LocalHosts.Silo(s => s.AddAQueue(models => models.AddRwModel<long>(RwModelMapping.ReadOnlyInterleaving)), out int gateway);
        await silo.StartAsync().WaitAsync(Patience);
        try
        {
            using IHost client = LocalHosts.Client(gateway, c => c.AddAQueue().AddOutgoingGrainCallFilter(context =>
            {
                // The model calls (a client without a registry also asks the silos what is registered: DescribeAsync).
                if (context.InterfaceType.ToString().StartsWith("aqueue.", StringComparison.Ordinal) && context.MethodName != "DescribeAsync")
                {
                    sent.Enqueue(context.MethodName);
                }

                return context.Invoke();
            }));
            await client.StartAsync().WaitAsync(Patience);
            try
            {
                IModelProvider models = client.Services.GetRequiredService<IModelProvider>();
                IActor<long> actor = models.GetActor<long>(key);
                using var cancellable = new CancellationTokenSource();

                Assert.Equal(1, await actor.InnerCallAsync(new TypedAdd(1)).AsTask().WaitAsync(Patience));
                Assert.Equal(3, await actor.InnerCallAsync(new TypedAdd(2)).AsTask().WaitAsync(Patience));
                Assert.Equal(6, await actor.InnerCallAsync(new TypedAdd(3), cancellable.Token).AsTask().WaitAsync(Patience));

                IRwModel<long> model = models.GetRwModel<long>(key);
                Assert.Equal(5, await model.CallMutAsync(new TypedAdd(5)).AsTask().WaitAsync(Patience));
                Assert.Equal(12, await model.CallMutAsync(new TypedAdd(7)).AsTask().WaitAsync(Patience));
                Assert.Equal(12, await model.CallAsync(new TypedRead()).AsTask().WaitAsync(Patience));
                Assert.Equal(12, await model.CallAsync(new TypedRead(), cancellable.Token).AsTask().WaitAsync(Patience));

                Assert.Equal(
                    [
                        "InnerCallAsync<TResult>", "InnerCallAsync<TOperation, TResult>", "InnerCallAsync<TOperation, TResult>",
                        "CallMutAsync<TResult>", "CallMutAsync<TOperation, TResult>", "CallAsync<TResult>", "CallAsync<TOperation, TResult>",
                    ],
                    sent);
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
}
