using AQueue.Benchmarks.Infrastructure;
using AQueue.Orleans;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AQueue.Benchmarks.Orleans;

/// <summary>
/// Where the adapter's overhead over a hand-written grain comes from: the same sequential increment, from the
/// hand-written <see cref="ICounterGrain.Add(long)"/> to <see cref="IActor{T}.InnerCallAsync{TResult}(IWriteOperation{T, TResult}, CancellationToken)"/>,
/// one change a row. Each row's difference to the row above is the cost of that change.
/// </summary>
[MemoryDiagnoser]
[ClusterWarmUp]
[BenchmarkCategory("orleans-overhead")]
public class AdapterOverheadBenchmarks : ISingleCalls
{
    private static readonly Add s_add = new(1);

    private TestCluster? _cluster;
    private ICounterGrain _grain = null!;
    private ICounterVariantsGrain _variants = null!;
    private IActorGrain<long> _actorGrain = null!;
    private IActor<long> _actor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchCluster.Start();
        IClusterClient client = _cluster.Client;
        _grain = client.GetGrain<ICounterGrain>("overhead");
        _variants = client.GetGrain<ICounterVariantsGrain>("overhead");
        _actorGrain = client.GetGrain<IActorGrain<long>>("overhead");
        _actor = client.ServiceProvider.GetRequiredService<IModelProvider>().GetActor<long>("overhead");

        _grain.Add(0).GetAwaiter().GetResult();
        _variants.AddCancellable(0, CancellationToken.None).GetAwaiter().GetResult();
        _actor.InnerCallAsync(new Add(0)).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchCluster.Stop(_cluster);
        _cluster = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "0 hand-written Add(long)")]
    public async Task HandWritten()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _grain.Add(1);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "1 + CancellationToken")]
    public async Task Cancellable()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _variants.AddCancellable(1, CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "2 operation object, no token")]
    public async Task Operation()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _variants.Apply(s_add);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "2a operation object, sealed parameter type")]
    public async Task SealedOperation()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _variants.ApplySealed(s_add);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "3 generic method, operation, token")]
    public async Task GenericMethod()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _variants.ApplyGeneric(s_add, CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "3b as 3, the operation's type a type argument")]
    public async Task TypedOperation()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _variants.ApplyTyped<Add, long>(s_add, CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "4 ActorGrain<long> direct (no proxy)")]
    public async Task ActorGrainDirect()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _actorGrain.InnerCallAsync(s_add, CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "4c ActorGrain<long> direct, typed method (what the proxy sends)")]
    public async Task TypedActorGrainDirect()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _actorGrain.InnerCallAsync<Add, long>(s_add);
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "4b row 4 in an async ValueTask wrapper")]
    public async Task WrappedActorGrain()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await Wrap(_actorGrain.InnerCallAsync(s_add, CancellationToken.None));
        }
    }

    [Benchmark(OperationsPerInvoke = OrleansBenchmarks.Calls, Description = "5 IActor.InnerCallAsync (adapter)")]
    public async Task Adapter()
    {
        for (int i = 0; i < OrleansBenchmarks.Calls; i++)
        {
            await _actor.InnerCallAsync(s_add);
        }
    }

    /// <summary>
    /// What the proxy adds around the grain call, without its checks: an async method awaiting the grain's task with
    /// a filtered catch (the proxy's turns serializer failures into explained errors).
    /// </summary>
    private static async ValueTask<long> Wrap(Task<long> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (InvalidCastException exception) when (exception.Data.Count > 0)
        {
            throw new NotSupportedException(exception.Message, exception);
        }
    }

    IReadOnlyList<(string Name, Func<Task> Call)> ISingleCalls.SingleCalls() =>
    [
        ("0 hand-written Add(long)", () => _grain.Add(1)),
        ("1 + CancellationToken", () => _variants.AddCancellable(1, CancellationToken.None)),
        ("2 operation object, no token", () => _variants.Apply(s_add)),
        ("2a operation object, sealed parameter type", () => _variants.ApplySealed(s_add)),
        ("3 generic method, operation, token", () => _variants.ApplyGeneric(s_add, CancellationToken.None)),
        ("3b as 3, the operation's type a type argument", () => _variants.ApplyTyped<Add, long>(s_add, CancellationToken.None)),
        ("4 ActorGrain<long> direct (no proxy)", () => _actorGrain.InnerCallAsync(s_add, CancellationToken.None)),
        ("4c ActorGrain<long> direct, typed method (what the proxy sends)", () => _actorGrain.InnerCallAsync<Add, long>(s_add)),
        ("4b row 4 in an async ValueTask wrapper", () => Wrap(_actorGrain.InnerCallAsync(s_add, CancellationToken.None)).AsTask()),
        ("5 IActor.InnerCallAsync (adapter)", () => _actor.InnerCallAsync(s_add).AsTask()),
    ];
}
