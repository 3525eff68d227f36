using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AQueue.Local.Tests.Hosting;

/// <summary><see cref="LocalModelProvider"/> and <c>services.AddAQueueLocal</c>: one model per kind, type and key.</summary>
public sealed class LocalModelProviderTests
{
    [Fact]
    public async Task Same_key_gives_the_same_model_and_other_keys_or_types_other_models()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddAQueueLocal(models => models.AddPCModel<Limiter>((_, key) => new Limiter(key), maxConcurrency: 2))
            .BuildServiceProvider();
        var provider = services.GetRequiredService<IModelProvider>();
        Assert.IsType<LocalModelProvider>(provider);
        Assert.Same(provider, services.GetRequiredService<IModelProvider>());

        Assert.Same(provider.GetActor<long>("visits"), provider.GetActor<long>("visits"));
        Assert.NotSame(provider.GetActor<long>("visits"), provider.GetActor<long>("other"));
        Assert.NotSame(provider.GetActor<long>("visits"), provider.GetActor<int>("visits"));
        Assert.Same(provider.GetRwModel<long>("visits"), provider.GetRwModel<long>("visits"));
        Assert.NotSame(provider.GetRwModel<long>("visits"), provider.GetRwModel<long>("other"));
        Assert.Same(provider.GetPCModel<Limiter>("a"), provider.GetPCModel<Limiter>("a"));
        Assert.NotSame(provider.GetPCModel<Limiter>("a"), provider.GetPCModel<Limiter>("b"));

        // The same key really is one value: a write through one lookup is seen through another.
        Actor<long> Actor(string key) => Assert.IsType<Actor<long>>(provider.GetActor<long>(key));
        await Actor("visits").InnerCallAsync(s => { s.Value += 5; return ValueTask.CompletedTask; });
        Assert.Equal(5, await Actor("visits").InnerCallAsync(s => new ValueTask<long>(s.Value)));
        Assert.Equal(0, await Actor("other").InnerCallAsync(s => new ValueTask<long>(s.Value)));
        // Kinds do not share values either.
        Assert.Equal(0, Assert.IsType<RwModel<long>>(provider.GetRwModel<long>("visits")).Call(s => s.Value));
    }

    [Fact]
    public void Registered_factories_build_the_values_and_the_PCModel_bound()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddSingleton(new Greeting("hello"))
            .AddAQueueLocal(models => models
                .AddInitialValue<List<string>>(key => [$"initial {key}"])
                .AddPCModel<Limiter>((sp, key) => new Limiter($"{sp.GetRequiredService<Greeting>().Text} {key}"), maxConcurrency: 3))
            .BuildServiceProvider();
        var provider = services.GetRequiredService<IModelProvider>();

        Assert.Equal(["initial k"], Assert.IsType<RwModel<List<string>>>(provider.GetRwModel<List<string>>("k")).Call(s => s.Value));
        var pc = Assert.IsType<PCModel<Limiter>>(provider.GetPCModel<Limiter>("k"));
        Assert.Equal(3, pc.MaxConcurrency);
        Assert.Equal("hello k", pc.Inner.Name);
        Assert.Equal(ModelKind.PCModel, pc.Kind);
    }

    [Fact]
    public void Missing_PCModel_registration_fails_with_a_helpful_message_and_caches_nothing()
    {
        var registry = new ModelRegistry();
        using ServiceProvider services = new ServiceCollection().AddAQueueLocal().BuildServiceProvider();
        var provider = new LocalModelProvider(registry, services);

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetPCModel<Limiter>("x"));
        Assert.Contains(typeof(Limiter).ToString(), ex.Message);
        Assert.Contains("AddPCModel", ex.Message);

        // Registering afterwards works: the failed lookup left nothing behind.
        registry.AddPCModel<Limiter>((_, key) => new Limiter(key), maxConcurrency: 1);
        Assert.Equal("x", Assert.IsType<PCModel<Limiter>>(provider.GetPCModel<Limiter>("x")).Inner.Name);
    }

    [Fact]
    public void Type_without_initial_value_or_parameterless_constructor_fails_with_a_helpful_message()
    {
        using ServiceProvider services = new ServiceCollection().AddAQueueLocal().BuildServiceProvider();
        var provider = services.GetRequiredService<IModelProvider>();
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetActor<Limiter>("x"));
        Assert.Contains("AddInitialValue", ex.Message);
        Assert.Equal(string.Empty, provider.GetActor<string>("s") is Actor<string> actor ? actor.DangerousGetInner() : null);
    }

    [Fact]
    public void Failed_creation_is_not_cached_for_the_key()
    {
        // A factory that fails once (a service not ready yet, a transient error) must not poison its key for
        // the life of the process: the next lookup tries again.
        int actorCalls = 0, pcCalls = 0;
        var registry = new ModelRegistry()
            .AddInitialValue<Counter>(_ => ++actorCalls == 1 ? throw new TimeoutException("not ready") : new Counter { Value = 7 })
            .AddPCModel<Limiter>((_, key) => ++pcCalls == 1 ? throw new TimeoutException("not ready") : new Limiter(key), maxConcurrency: 1);
        using ServiceProvider services = new ServiceCollection().BuildServiceProvider();
        var provider = new LocalModelProvider(registry, services);

        Assert.Throws<TimeoutException>(() => provider.GetActor<Counter>("k"));
        Assert.Equal(7, Assert.IsType<Actor<Counter>>(provider.GetActor<Counter>("k")).DangerousGetInner().Value);
        Assert.Throws<TimeoutException>(() => provider.GetPCModel<Limiter>("k"));
        Assert.Equal("k", Assert.IsType<PCModel<Limiter>>(provider.GetPCModel<Limiter>("k")).Inner.Name);
        Assert.Same(provider.GetPCModel<Limiter>("k"), provider.GetPCModel<Limiter>("k"));
    }

    [Fact]
    public async Task Racing_first_lookups_build_one_model()
    {
        int built = 0;
        var registry = new ModelRegistry().AddInitialValue<Counter>(_ =>
        {
            Interlocked.Increment(ref built);
            Thread.Sleep(20); // widen the race
            return new Counter();
        });
        using ServiceProvider services = new ServiceCollection().BuildServiceProvider();
        var provider = new LocalModelProvider(registry, services);
        using var start = new ManualResetEventSlim();

        IActor<Counter>[] seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return provider.GetActor<Counter>("one");
        })).Append(Task.Run(() =>
        {
            start.Set();
            return provider.GetActor<Counter>("one");
        })));

        Assert.All(seen, model => Assert.Same(seen[0], model));
        Assert.Equal(1, built);
    }

    public sealed record Limiter(string Name);

    public sealed record Greeting(string Text);

    public sealed class Counter
    {
        public long Value;
    }
}
