using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// Every public entry point of AQueue.Abstractions and AQueue.Local given null: an <see cref="ArgumentNullException"/>
/// naming the parameter, thrown at the call (not from a task later), and the model still serves afterwards.
/// </summary>
public sealed class NullArgumentTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Actor_rejects_every_null_closure_and_operation_and_serves_on()
    {
        var actor = new Actor<int>(0);
        IActor<int> contract = actor;
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, CancellationToken, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, ValueTask>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => actor.InnerCallAsync((Func<RefMutInner<int>, CancellationToken, ValueTask>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.InnerCallAsync((IWriteOperation<int, int>)null!)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.InnerCallAsync((IWriteOperation<int, int>)null!, s_timeout)));

        await actor.InnerCallAsync(s => { s.Value++; return ValueTask.CompletedTask; });
        Assert.Equal(1, actor.DangerousGetInner());
        Assert.Equal(0, actor.WaitingCount);
    }

    [Fact]
    public async Task RwModel_rejects_every_null_closure_and_operation_and_serves_on()
    {
        var model = new RwModel<int>(0);
        IRwModel<int> contract = model;
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int>, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int>, CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int>, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int>, CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.CallAsync((IReadOperation<int, int>)null!)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.CallAsync((IReadOperation<int, int>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, CancellationToken, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, ValueTask>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallMutAsync((Func<RefMutInner<int>, CancellationToken, ValueTask>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.CallMutAsync((IWriteOperation<int, int>)null!)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.CallMutAsync((IWriteOperation<int, int>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => model.Call((Func<RefInner<int>, int>)null!));
        Assert.Throws<ArgumentNullException>("body", () => model.Call((Func<RefInner<int>, int>)null!, s_timeout));
        Assert.Throws<ArgumentNullException>("body", () => model.CallMut((Func<RefMutInner<int>, int>)null!));
        Assert.Throws<ArgumentNullException>("body", () => model.CallMut((Func<RefMutInner<int>, int>)null!, s_timeout));
        Assert.Throws<ArgumentNullException>("body", () => model.CallMut((Action<RefMutInner<int>>)null!));
        Assert.Throws<ArgumentNullException>("body", () => model.CallMut((Action<RefMutInner<int>>)null!, s_timeout));

        await model.CallMutAsync(s => { s.Value++; return ValueTask.CompletedTask; });
        Assert.Equal(1, model.Call(s => s.Value));
        Assert.Equal(0, model.WaitingCount);
    }

    [Fact]
    public async Task PCModel_rejects_every_null_closure_and_operation_and_serves_on()
    {
        var model = new PCModel<int[]>(new int[1], 2);
        IPCModel<int[]> contract = model;
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, CancellationToken, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, ValueTask>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => model.CallAsync((Func<RefInner<int[]>, CancellationToken, ValueTask>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.CallAsync((IReadOperation<int[], int>)null!)));
        Assert.Throws<ArgumentNullException>("operation", () => Probe.Call(() => contract.CallAsync((IReadOperation<int[], int>)null!, s_timeout)));

        await model.CallAsync(s => { Interlocked.Increment(ref s.Value[0]); return ValueTask.CompletedTask; });
        Assert.Equal(1, model.Inner[0]);
        Assert.Equal(0, model.WaitingCount);
    }

    [Fact]
    public async Task Queues_reject_every_null_closure_and_serve_on()
    {
        var mutex = new MutexQueue();
        var semaphore = new SemaphoreQueue(2);
        var rw = new RwQueue();
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => mutex.RunAsync((Func<CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => mutex.RunAsync((Func<CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => mutex.RunAsync((Func<CancellationToken, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => mutex.RunAsync((Func<CancellationToken, ValueTask>)null!, s_timeout)));
        Assert.Equal(7, await mutex.RunAsync(_ => ValueTask.FromResult(7)));
        Assert.False(mutex.IsHeld);

        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => semaphore.RunAsync((Func<CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => semaphore.RunAsync((Func<CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => semaphore.RunAsync((Func<CancellationToken, ValueTask>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => semaphore.RunAsync((Func<CancellationToken, ValueTask>)null!, s_timeout)));
        Assert.Equal(7, await semaphore.RunAsync(_ => ValueTask.FromResult(7)));
        Assert.Equal(semaphore.MaxConcurrency, semaphore.CurrentCount);

        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => rw.ReadAsync((Func<CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => rw.ReadAsync((Func<CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => rw.WriteAsync((Func<CancellationToken, ValueTask<int>>)null!)));
        Assert.Throws<ArgumentNullException>("body", () => Probe.Call(() => rw.WriteAsync((Func<CancellationToken, ValueTask<int>>)null!, s_timeout)));
        Assert.Throws<ArgumentNullException>("body", () => rw.Read((Func<int>)null!));
        Assert.Throws<ArgumentNullException>("body", () => rw.Read((Func<int>)null!, s_timeout));
        Assert.Throws<ArgumentNullException>("body", () => rw.Write((Func<int>)null!));
        Assert.Throws<ArgumentNullException>("body", () => rw.Write((Func<int>)null!, s_timeout));
        Assert.Equal(3, await rw.WriteAsync(_ => ValueTask.FromResult(3)));
        Assert.Equal(4, rw.Read(() => 4));
        Assert.False(rw.IsWriteHeld);
        Assert.Equal(0, rw.CurrentReaderCount);
    }

    [Fact]
    public void Contract_types_reject_null()
    {
        // The views have no public constructor or conversion: a store makes them (AsRef, AsMut).
        Assert.Empty(typeof(RefInner<int>).GetConstructors());
        Assert.Empty(typeof(RefMutInner<int>).GetConstructors());
        Assert.Throws<ArgumentNullException>("body", () => new DelegateReadOperation<int, int>(null!));
        Assert.Throws<ArgumentNullException>("body", () => new DelegateWriteOperation<int, int>(null!));

        // A null value is a value: a store may hold it.
        var store = new InnerStore<string?>(null);
        Assert.Null(store.AsRef().Value);
        store.AsMut().Value = "set";
        Assert.Equal("set", store.Value);
    }

    [Fact]
    public void Registry_provider_and_registration_reject_null_and_stay_usable()
    {
        var registry = new ModelRegistry();
        Assert.Throws<ArgumentNullException>("factory", () => registry.AddInitialValue<int>(null!));
        Assert.Throws<ArgumentNullException>("factory", () => registry.AddPCModel<int>(null!, 1));
        Assert.Throws<ArgumentNullException>("key", () => registry.CreateInitialValue<int>(null!));
        Assert.Throws<ArgumentNullException>("registry", () => new LocalModelProvider(null!, new NoServices()));
        Assert.Throws<ArgumentNullException>("services", () => new LocalModelProvider(registry, null!));
        Assert.Throws<ArgumentNullException>("services", () => AQueueLocalServiceCollectionExtensions.AddAQueueLocal(null!));

        var provider = new LocalModelProvider(registry.AddInitialValue(key => key.Length).AddPCModel((_, key) => new int[key.Length], 2), new NoServices());
        Assert.Throws<ArgumentNullException>("key", () => provider.GetActor<int>(null!));
        Assert.Throws<ArgumentNullException>("key", () => provider.GetRwModel<int>(null!));
        Assert.Throws<ArgumentNullException>("key", () => provider.GetPCModel<int[]>(null!));

        // Still usable: the same key gives the same model, built from the registration.
        Assert.Same(provider.GetActor<int>("abc"), provider.GetActor<int>("abc"));
        Assert.Equal(3, ((Actor<int>)provider.GetActor<int>("abc")).DangerousGetInner());
        Assert.Equal(2, provider.GetPCModel<int[]>("ab").MaxConcurrency);
    }
}
