using Xunit;

// The tests are documented by their names, which say what each asserts.
#pragma warning disable CS1591

namespace AQueue.Conformance;

/// <summary>The contract of <see cref="IActor{T}"/>: one operation at a time, in arrival order (docs/architecture.md).</summary>
public abstract class ActorConformance : ModelConformance
{
    [Fact]
    public async Task Concurrent_increments_run_one_at_a_time_and_none_is_lost()
    {
        const int Calls = 200;
        Probe probe = Probe.Create();
        IActor<long> actor = Models.GetActor<long>(NewKey());

        long[] seen = await Task.WhenAll(Enumerable.Range(0, Calls)
            .Select(_ => Task.Run(() => actor.InnerCallAsync(new Increment(probe.Id)).AsTask())));

        Assert.Equal(1, probe.MaxRunning);
        Assert.Equal(Enumerable.Range(1, Calls).Select(i => (long)i), seen.Order());
        Assert.Equal(Calls, await actor.InnerCallAsync(new GetCount()));
    }

    [Fact]
    public async Task Queued_operations_start_in_arrival_order_each_after_the_last_ended()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IActor<long> actor = Models.GetActor<long>(key);
        Task<string> blocker = actor.InnerCallAsync(new Hold<long>(probe.Id, "blocker", Gate: "g")).AsTask();
        await probe.WaitForAsync("start blocker", Patience);

        var queued = new List<Task<string>>();
        for (int i = 1; i <= 5; i++)
        {
            // Each call reaches the queue before the next is sent.
            queued.Add(actor.InnerCallAsync(new Hold<long>(probe.Id, $"op{i}")).AsTask());
            await WaitForWaitingCallsAsync(key, i);
        }

        probe.Open("g");
        await Task.WhenAll([blocker, .. queued]).WaitAsync(Patience);

        string[] expected = ["start blocker", "end blocker", .. Enumerable.Range(1, 5).SelectMany(i => new[] { $"start op{i}", $"end op{i}" })];
        Assert.Equal(expected, probe.Events);
    }

    [Fact]
    public async Task A_burst_of_calls_is_queued_in_send_order_only_where_the_backend_says_so()
    {
        Probe probe = Probe.Create();
        IActor<long> actor = Models.GetActor<long>(NewKey());
        Task<string> blocker = actor.InnerCallAsync(new Hold<long>(probe.Id, "blocker", Gate: "g")).AsTask();
        await probe.WaitForAsync("start blocker", Patience);

        Task<string>[] burst = [.. Enumerable.Range(1, 10).Select(i => actor.InnerCallAsync(new Hold<long>(probe.Id, $"op{i}")).AsTask())];
        probe.Open("g");
        await Task.WhenAll([blocker, .. burst]).WaitAsync(Patience);

        string[] starts = [.. probe.Events.Where(e => e.StartsWith("start op", StringComparison.Ordinal))];
        string[] sent = [.. Enumerable.Range(1, 10).Select(i => $"start op{i}")];
        if (QueuesCallsInSendOrder)
        {
            Assert.Equal(sent, starts);
        }
        else
        {
            // Any order, but every call runs exactly once, alone.
            Assert.Equal(sent.Order(), starts.Order());
        }

        Assert.Equal(1, probe.MaxRunning);
    }

    [Fact]
    public async Task A_call_cancelled_while_queued_never_runs_and_the_rest_keep_their_turn()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IActor<long> actor = Models.GetActor<long>(key);
        Task<string> blocker = actor.InnerCallAsync(new Hold<long>(probe.Id, "blocker", Gate: "g")).AsTask();
        await probe.WaitForAsync("start blocker", Patience);

        using var cts = new CancellationTokenSource();
        Task<string> victim = actor.InnerCallAsync(new Hold<long>(probe.Id, "victim"), cts.Token).AsTask();
        Task<string> after = actor.InnerCallAsync(new Hold<long>(probe.Id, "after")).AsTask();
        await WaitForWaitingCallsAsync(key, 2);
        await cts.CancelAsync();

        // The caller learns at once, while the blocker still holds the actor.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => victim.WaitAsync(Patience));
        Assert.False(blocker.IsCompleted);
        probe.Open("g");
        await Task.WhenAll(blocker, after).WaitAsync(Patience);
        Assert.False(probe.Has("start victim"));
        Assert.Equal(["start blocker", "end blocker", "start after", "end after"], probe.Events);
    }

    [Fact]
    public async Task An_already_cancelled_token_cancels_the_call_even_when_the_actor_is_free()
    {
        Probe probe = Probe.Create();
        IActor<long> actor = Models.GetActor<long>(NewKey());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => actor.InnerCallAsync(new Hold<long>(probe.Id, "x"), cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => actor.InnerCallAsync(new Hold<long>(probe.Id, "y"), TimeSpan.FromSeconds(5), cts.Token).AsTask());
        await Assert.ThrowsAsync<TimeoutException>(() => actor.InnerCallAsync(new Hold<long>(probe.Id, "z"), TimeSpan.Zero).AsTask());

        Assert.Empty(probe.Events);
    }

    [Fact]
    public void A_negative_timeout_is_rejected_before_anything_runs()
    {
        IActor<long> actor = Models.GetActor<long>(NewKey());

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = actor.InnerCallAsync(new GetCount(), TimeSpan.FromMilliseconds(-2)); });
    }

    [Fact]
    public async Task A_deadline_reached_while_running_throws_TimeoutException_cancels_the_operation_and_keeps_the_actor_until_it_returns()
    {
        Probe probe = Probe.Create();
        IActor<long> actor = Models.GetActor<long>(NewKey());

        // The operation ignores its token, as a slow one might: the caller is answered at the deadline anyway.
        Task<string> slow = actor.InnerCallAsync(new Hold<long>(probe.Id, "slow", Gate: "g", IgnoreCancellation: true), TimeSpan.FromMilliseconds(300)).AsTask();
        await Assert.ThrowsAsync<TimeoutException>(() => slow.WaitAsync(Patience));
        await probe.WaitForAsync("cancelled slow", Patience);

        Task<string> next = actor.InnerCallAsync(new Hold<long>(probe.Id, "next")).AsTask();
        await Task.Delay(Quiet);
        Assert.False(probe.Has("start next"));

        probe.Open("g");
        await next.WaitAsync(Patience);
        Assert.True(probe.IndexOf("end slow") < probe.IndexOf("start next"));
    }

    [Fact]
    public Task A_deadline_that_ends_the_operation_through_its_token_is_told_as_TimeoutException_not_as_a_cancellation() =>
        AssertOperationsEndedByTheDeadlineAreToldTimeoutAsync<long>(
        [
            .. Enumerable.Range(0, 3).Select(_ => Models.GetActor<long>(NewKey()))
                .Select(actor => (Func<Hold<long>, TimeSpan, ValueTask<string>>)((hold, timeout) => actor.InnerCallAsync(hold, timeout))),
        ]);

    [Fact]
    public async Task A_deadline_reached_while_queued_throws_TimeoutException_and_the_operation_never_runs()
    {
        Probe probe = Probe.Create();
        IActor<long> actor = Models.GetActor<long>(NewKey());
        Task<string> blocker = actor.InnerCallAsync(new Hold<long>(probe.Id, "blocker", Gate: "g")).AsTask();
        await probe.WaitForAsync("start blocker", Patience);

        Task<string> late = actor.InnerCallAsync(new Hold<long>(probe.Id, "late"), TimeSpan.FromMilliseconds(200)).AsTask();
        await Assert.ThrowsAsync<TimeoutException>(() => late.WaitAsync(Patience));
        Assert.False(blocker.IsCompleted);
        probe.Open("g");
        await blocker;
        await actor.InnerCallAsync(new Hold<long>(probe.Id, "after")).AsTask().WaitAsync(Patience);
        Assert.False(probe.Has("start late"));
    }

    [Fact]
    public async Task The_callers_token_reaches_the_running_operation()
    {
        Probe probe = Probe.Create();
        IActor<long> actor = Models.GetActor<long>(NewKey());
        using var cts = new CancellationTokenSource();
        Task<string> call = actor.InnerCallAsync(new Hold<long>(probe.Id, "op", Gate: "never"), cts.Token).AsTask();
        await probe.WaitForAsync("start op", Patience);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
        await probe.WaitForAsync("cancelled op", Patience);
        await probe.WaitForAsync("end op", Patience);
        await actor.InnerCallAsync(new Hold<long>(probe.Id, "after")).AsTask().WaitAsync(Patience);
        Assert.True(probe.IndexOf("end op") < probe.IndexOf("start after"));
    }

    [Theory]
    [InlineData(FailureKind.InvalidOperation)]
    [InlineData(FailureKind.Argument)]
    [InlineData(FailureKind.Custom)]
    public async Task A_failure_reaches_the_caller_with_its_type_and_message_and_frees_the_actor(FailureKind kind)
    {
        IActor<long> actor = Models.GetActor<long>(NewKey());
        string message = $"boom {kind} {Guid.NewGuid():N}";

        Exception? failure = await Record.ExceptionAsync(() => actor.InnerCallAsync(new Fail<long>(kind, message)).AsTask());

        Assert.NotNull(failure);
        Assert.IsType(ExceptionTypeOf(kind), failure);
        Assert.Equal(message, failure.Message);
        Assert.Equal(0, await actor.InnerCallAsync(new GetCount()).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task The_value_starts_from_the_registry_and_one_key_is_one_model()
    {
        string key = NewKey();

        Assert.Equal($"registry:{key}#1", await Models.GetActor<Tally>(key).InnerCallAsync(new ReadOrigin<Tally>()));
        Assert.Equal($"registry:{key}#2", await Models.GetActor<Tally>(key).InnerCallAsync(new ReadOrigin<Tally>()));
        Assert.Equal($"registry:{key}-other#1", await Models.GetActor<Tally>(key + "-other").InnerCallAsync(new ReadOrigin<Tally>()));
    }

    [Fact]
    public async Task Delegate_operations_run_in_process_and_are_refused_before_sending_where_they_cannot_travel()
    {
        IActor<long> actor = Models.GetActor<long>(NewKey());
        var operation = new DelegateWriteOperation<long, long>((s, ct) => new ValueTask<long>(++s.Value));

        if (RunsDelegateOperations)
        {
            Assert.Equal(1, await actor.InnerCallAsync(operation));
        }
        else
        {
            var refused = await Assert.ThrowsAsync<NotSupportedException>(() => actor.InnerCallAsync(operation).AsTask());
            Assert.Contains("[GenerateSerializer]", refused.Message, StringComparison.Ordinal);
            Assert.Equal(0, await actor.InnerCallAsync(new GetCount()));
        }
    }

    [Fact]
    public Task An_operation_that_calls_its_own_actor_is_refused_at_once_directly_or_through_another_model() =>
        AssertReentrancyIsRefusedAsync<long>(ModelKind.Actor, write: true);
}
