using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>What a persisted actor or reader-writer model stores, when, and what it does when storage fails.</summary>
[Collection(PersistenceCollection.Name)]
public sealed class PersistenceTests(PersistenceFixture fixture)
{
    private static string NewKey(string prefix = "p/") => prefix + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_acknowledged_actor_write_is_in_storage_when_the_call_returns()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);

        Assert.Equal(5, await actor.InnerCallAsync(new Add(5)));
        Assert.Equal((true, 5L), await fixture.ReadStoredAsync<IActorGrain<long>, long>(key));
        Assert.Equal(12, await actor.InnerCallAsync(new Add(7)));
        Assert.Equal((true, 12L), await fixture.ReadStoredAsync<IActorGrain<long>, long>(key));
        Assert.Equal(2, StorageFaults.Writes(key));
    }

    [Fact]
    public async Task A_persisted_value_survives_deactivation_for_actors_and_reader_writer_models()
    {
        string key = NewKey();
        await fixture.Models.GetActor<long>(key).InnerCallAsync(new Add(3));
        await fixture.Models.GetRwModel<long>(key).CallMutAsync(new Add(40));
        int readsBefore = StorageFaults.Reads(key);

        await fixture.CollectAllAsync();

        Assert.Equal(3, await fixture.Models.GetActor<long>(key).InnerCallAsync(new Get()));
        Assert.Equal(40, await fixture.Models.GetRwModel<long>(key).CallAsync(new Get()));

        // Both activations were collected and loaded again from storage (the actor and the model are separate records).
        Assert.Equal(readsBefore + 2, StorageFaults.Reads(key));
    }

    [Fact]
    public async Task Reads_and_activation_never_write_and_a_new_model_starts_from_the_registry()
    {
        string key = NewKey("p/hundred/");
        IRwModel<long> model = fixture.Models.GetRwModel<long>(key);

        Assert.Equal(100, await model.CallAsync(new Get()));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => model.CallAsync(new Get()).AsTask()));

        Assert.Equal(0, StorageFaults.Writes(key));
        Assert.Equal((false, 0L), await fixture.ReadStoredAsync<IRwModelGrain<long>, long>(key));

        Assert.Equal(101, await model.CallMutAsync(new Add(1)));
        Assert.Equal(1, StorageFaults.Writes(key));
        Assert.Equal((true, 101L), await fixture.ReadStoredAsync<IRwModelGrain<long>, long>(key));
    }

    [Fact]
    public async Task Models_no_rule_matches_stay_in_memory()
    {
        string key = NewKey("m/");
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        await actor.InnerCallAsync(new Add(9));

        Assert.Equal(0, StorageFaults.Reads(key));
        Assert.Equal(0, StorageFaults.Writes(key));
        await fixture.CollectAllAsync();
        Assert.Equal(0, await actor.InnerCallAsync(new Get()));
    }

    [Fact]
    public async Task A_write_that_throws_after_changing_the_value_is_rolled_back_from_storage()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        IRwModel<long> model = fixture.Models.GetRwModel<long>(key);
        await actor.InnerCallAsync(new Add(10));
        await model.CallMutAsync(new Add(20));

        var actorFailure = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.InnerCallAsync(new AddThenThrow(1)).AsTask());
        var modelFailure = await Assert.ThrowsAsync<InvalidOperationException>(() => model.CallMutAsync(new AddThenThrow(1)).AsTask());

        Assert.Contains("boom", actorFailure.Message, StringComparison.Ordinal);
        Assert.Contains("boom", modelFailure.Message, StringComparison.Ordinal);
        Assert.Equal(10, await actor.InnerCallAsync(new Get()));
        Assert.Equal(20, await model.CallAsync(new Get()));
        Assert.Equal((true, 10L), await fixture.ReadStoredAsync<IActorGrain<long>, long>(key));

        // The two Adds and the actor's Get (every actor call is a write, and stores); the failed writes stored nothing.
        Assert.Equal(3, StorageFaults.Writes(key));
    }

    [Fact]
    public async Task An_in_place_mutation_of_a_reference_value_is_rolled_back_too()
    {
        string key = NewKey("list/");
        IActor<List<string>> actor = fixture.Models.GetActor<List<string>>(key);
        Assert.Equal(2, await actor.InnerCallAsync(new AppendItem("a")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => actor.InnerCallAsync(new AppendThenThrow("lost")).AsTask());

        Assert.Equal(["initial", "a"], await actor.InnerCallAsync(new ReadItems()));
        Assert.Equal(3, await actor.InnerCallAsync(new AppendItem("b")));
        await fixture.CollectAllAsync();
        Assert.Equal(["initial", "a", "b"], await actor.InnerCallAsync(new ReadItems()));
    }

    [Fact]
    public async Task A_ReadOnlyInterleaving_model_persists_as_the_default_one_does()
    {
        string key = NewKey("list/");
        IRwModel<List<string>> model = fixture.Models.GetRwModel<List<string>>(key);

        // Reads and activation never write; the first write stores the value before the caller is answered.
        Assert.Equal(["initial"], await model.CallAsync(new ReadItems()));
        Assert.Equal(0, StorageFaults.Writes(key));
        Assert.False((await fixture.ReadStoredAsync<IRwModelReadOnlyGrain<List<string>>, List<string>>(key)).Exists);
        Assert.Equal(2, await model.CallMutAsync(new AppendItem("a")));
        Assert.Equal(1, StorageFaults.Writes(key));
        Assert.Equal(["initial", "a"], (await fixture.ReadStoredAsync<IRwModelReadOnlyGrain<List<string>>, List<string>>(key)).Value);

        // A write that throws after changing the value is rolled back from storage; the value survives deactivation.
        await Assert.ThrowsAsync<InvalidOperationException>(() => model.CallMutAsync(new AppendThenThrow("lost")).AsTask());
        Assert.Equal(["initial", "a"], await model.CallAsync(new ReadItems()));
        await fixture.CollectAllAsync();
        Assert.Equal(["initial", "a"], await model.CallAsync(new ReadItems()));
        Assert.Equal(1, StorageFaults.Writes(key));
    }

    [Fact]
    public async Task In_memory_a_write_that_throws_keeps_its_changes_as_in_process()
    {
        string key = NewKey("m/");
        IActor<long> actor = fixture.Models.GetActor<long>(key);

        await Assert.ThrowsAsync<InvalidOperationException>(() => actor.InnerCallAsync(new AddThenThrow(4)).AsTask());

        Assert.Equal(4, await actor.InnerCallAsync(new Get()));
    }

    [Fact]
    public async Task A_write_that_cannot_be_stored_is_not_acknowledged_and_memory_goes_back_to_storage()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        IRwModel<long> model = fixture.Models.GetRwModel<long>(key);
        await actor.InnerCallAsync(new Add(1));
        await model.CallMutAsync(new Add(2));

        StorageFaults.Set(key, Fault.FailWrites);
        var actorFailure = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Add(100)).AsTask());
        var modelFailure = await Assert.ThrowsAsync<ModelStorageException>(() => model.CallMutAsync(new Add(100)).AsTask());
        StorageFaults.Set(key, Fault.None);

        Assert.Contains($"Could not store actor '{key}' of Int64 from grain storage 'faulty'", actorFailure.Message, StringComparison.Ordinal);
        Assert.Contains("disk is full", actorFailure.Message, StringComparison.Ordinal);
        Assert.Contains("reloaded the stored value", actorFailure.Message, StringComparison.Ordinal);
        Assert.Contains("reader-writer model", modelFailure.Message, StringComparison.Ordinal);
        Assert.Equal(1, await actor.InnerCallAsync(new Get()));
        Assert.Equal(2, await model.CallAsync(new Get()));
        Assert.Equal(11, await actor.InnerCallAsync(new Add(10)));
        Assert.Equal((true, 11L), await fixture.ReadStoredAsync<IActorGrain<long>, long>(key));
    }

    [Fact]
    public async Task A_storage_error_of_a_type_without_a_codec_still_reaches_the_caller_clearly()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        await actor.InnerCallAsync(new Add(2));

        StorageFaults.Set(key, Fault.DriverFailure);
        var failure = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Add(1)).AsTask());
        StorageFaults.Set(key, Fault.None);

        Assert.Contains("DriverException: The driver lost its connection", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, await actor.InnerCallAsync(new Get()));
    }

    [Fact]
    public async Task A_stale_activation_cannot_overwrite_newer_state_and_takes_it_up_instead()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        await actor.InnerCallAsync(new Add(1));

        // Another writer (say, a duplicate activation elsewhere) stores 50: this activation's ETag is now stale.
        await fixture.OverwriteStoredAsync<IActorGrain<long>, long>(key, 50);
        var conflict = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Add(1)).AsTask());

        Assert.Contains("Could not store", conflict.Message, StringComparison.Ordinal);
        Assert.Equal((true, 50L), await fixture.ReadStoredAsync<IActorGrain<long>, long>(key));
        Assert.Equal(51, await actor.InnerCallAsync(new Add(1)));
        Assert.Equal((true, 51L), await fixture.ReadStoredAsync<IActorGrain<long>, long>(key));
    }

    [Fact]
    public async Task When_even_the_reload_fails_the_activation_refuses_calls_and_the_next_one_loads_afresh()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        await actor.InnerCallAsync(new Add(6));

        StorageFaults.Set(key, Fault.FailWrites | Fault.CorruptReads);
        var failure = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Add(1)).AsTask());
        StorageFaults.Set(key, Fault.None);

        Assert.Contains("could not be reloaded", failure.Message, StringComparison.Ordinal);

        // Calls that reach the activation while it deactivates fail with the same retryable error (Orleans hands them
        // the deactivation's exception); the others already reach a new activation, loaded from what is stored.
        Exception?[] racing = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            try
            {
                Assert.Equal(6, await actor.InnerCallAsync(new Get()));
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }));
        Assert.All(racing.OfType<Exception>(), e => Assert.IsType<ModelStorageException>(e));

        long value = await RetryAsync(() => actor.InnerCallAsync(new Get()).AsTask());
        Assert.Equal(6, value);
    }

    [Fact]
    public async Task A_record_that_cannot_be_read_fails_activation_clearly_and_is_not_reset()
    {
        string key = NewKey();
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        await actor.InnerCallAsync(new Add(8));
        await fixture.CollectAllAsync();

        StorageFaults.Set(key, Fault.CorruptReads);
        var first = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Get()).AsTask());
        var second = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Add(1)).AsTask());
        StorageFaults.Set(key, Fault.None);

        Assert.Contains($"Could not load actor '{key}' of Int64 from grain storage 'faulty'", first.Message, StringComparison.Ordinal);
        Assert.Contains("Unexpected byte", first.Message, StringComparison.Ordinal);
        Assert.Contains("not started with a reset value", first.Message, StringComparison.Ordinal);
        Assert.Contains("Could not load", second.Message, StringComparison.Ordinal);

        // Nothing was written meanwhile: once the record reads again, the value is intact.
        Assert.Equal(8, await actor.InnerCallAsync(new Get()));
    }

    [Fact]
    public async Task A_record_that_holds_no_value_fails_activation_of_a_reader_writer_model()
    {
        string key = NewKey();
        IRwModel<long> model = fixture.Models.GetRwModel<long>(key);
        await model.CallMutAsync(new Add(8));
        await fixture.CollectAllAsync();

        StorageFaults.Set(key, Fault.EmptyRecord);
        var failure = await Assert.ThrowsAsync<ModelStorageException>(() => model.CallAsync(new Get()).AsTask());
        StorageFaults.Set(key, Fault.None);

        Assert.Contains("exists but holds no value", failure.Message, StringComparison.Ordinal);
        Assert.Equal(8, await model.CallAsync(new Get()));
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (ModelStorageException) when (attempt < 20)
            {
                // The broken activation may still answer while it deactivates.
                await Task.Delay(50);
            }
        }
    }
}
