using Xunit;

// The tests are documented by their names, which say what each asserts.
#pragma warning disable CS1591

namespace AQueue.Conformance;

/// <summary>
/// The contract of <see cref="IPCModel{T}"/>: at most <see cref="IPCModel{T}.MaxConcurrency"/> operations at once, in
/// parallel, the rest waiting in arrival order, over a value built where they run (docs/architecture.md, docs/orleans.md).
/// </summary>
/// <typeparam name="TResource">The model's value type; its registration's <see cref="PCModelMapping"/> is the mapping
/// under test on a backend with several nodes.</typeparam>
public abstract class PCModelConformance<TResource> : ModelConformance
    where TResource : PcResource
{
    /// <summary>
    /// Every way the backend can reach one model: in-process the one provider; on Orleans an external client and each
    /// silo. The bound holds for the key across all of them.
    /// </summary>
    protected virtual IReadOnlyList<IModelProvider> Callers => [Models];

    /// <summary>
    /// Whether the bound holds on each node rather than across every caller. In-process (one node) and on Orleans with
    /// <see cref="PCModelMapping.PerCluster"/> (one activation): no. On Orleans with <see cref="PCModelMapping.PerSilo"/>:
    /// yes, each silo runs at most the bound and builds its own value, so callers on k silos run up to k times the
    /// bound at once; calls that reach one silo (e.g. all of an external client's calls of a key) share its bound.
    /// </summary>
    protected virtual bool BoundIsPerNode => false;

    [Fact]
    public void MaxConcurrency_is_the_configured_bound()
    {
        Assert.Equal(ConformanceModels.PcBound, Models.GetPCModel<TResource>(NewKey()).MaxConcurrency);
    }

    [Fact]
    public async Task At_most_the_bound_run_at_once_and_the_bound_is_reached()
    {
        Probe probe = Probe.Create();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(NewKey());
        int bound = model.MaxConcurrency;

        Task<string>[] calls = [.. Enumerable.Range(0, bound * 3).Select(i => model.CallAsync(new Hold<TResource>(probe.Id, $"c{i}", Gate: "g")).AsTask())];
        await probe.WaitForRunningAsync(bound, Patience);
        await Task.Delay(Quiet);

        Assert.Equal(bound, probe.MaxRunning);
        probe.Open("g");
        await Task.WhenAll(calls).WaitAsync(Patience);
        Assert.Equal(bound, probe.MaxRunning);
        Assert.Equal(bound * 3, probe.Events.Count(e => e.StartsWith("end ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_bound_holds_across_every_caller_or_on_each_node_as_declared()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IPCModel<TResource>[] models = [.. Callers.Select(caller => caller.GetPCModel<TResource>(key))];
        int bound = models[0].MaxConcurrency;

        Task<string>[] calls = [.. Enumerable.Range(0, bound * 2 * models.Length)
            .Select(i => models[i % models.Length].CallAsync(new Hold<TResource>(probe.Id, $"c{i}", Gate: "g")).AsTask())];
        if (BoundIsPerNode)
        {
            // Callers on different nodes fill their own node's slots: together more than the bound.
            await probe.WaitForRunningInTotalAsync(bound + 1, Patience);
        }
        else
        {
            await probe.WaitForRunningAsync(bound, Patience);
        }

        await Task.Delay(Quiet);
        Assert.Equal(bound, probe.MaxRunningOnOneNode);
        if (BoundIsPerNode)
        {
            Assert.InRange(probe.MaxRunning, bound + 1, bound * probe.Nodes.Count);
        }
        else
        {
            Assert.Equal(bound, probe.MaxRunning);
        }

        probe.Open("g");
        await Task.WhenAll(calls).WaitAsync(Patience);
        Assert.Equal(bound, probe.MaxRunningOnOneNode);
    }

    [Fact]
    public async Task Operations_run_on_parallel_threads()
    {
        Probe probe = Probe.Create();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(NewKey());
        int window = (int)Patience.TotalMilliseconds;

        // Each blocks its thread until the other is blocked beside it: only true parallelism lets both finish early.
        Task<int> first = Task.Run(() => model.CallAsync(new BlockingRead<TResource>(probe.Id, "b1", window)).AsTask());
        await probe.WaitForAsync("start b1", Patience);
        Task<int> second = Task.Run(() => model.CallAsync(new BlockingRead<TResource>(probe.Id, "b2", window)).AsTask());
        await Task.WhenAll(first, second).WaitAsync(Patience * 2);

        Assert.Equal(2, probe.MaxInSyncSection);
    }

    [Fact]
    public async Task A_call_that_finds_every_slot_busy_takes_the_first_slot_that_frees_in_arrival_order()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(key);
        int bound = model.MaxConcurrency;

        // Every slot but one holds a long call; the last holds a short one. Then more calls queue, one by one.
        var holders = new List<Task<string>>();
        for (int i = 0; i < bound - 1; i++)
        {
            holders.Add(model.CallAsync(new Hold<TResource>(probe.Id, $"long{i}", Gate: "long")).AsTask());
            await probe.WaitForAsync($"start long{i}", Patience);
        }

        Task<string> shortCall = model.CallAsync(new Hold<TResource>(probe.Id, "short", Gate: "short")).AsTask();
        await probe.WaitForAsync("start short", Patience);
        var queued = new List<Task<string>>();
        for (int i = 0; i < bound + 1; i++)
        {
            queued.Add(model.CallAsync(new Hold<TResource>(probe.Id, $"q{i}")).AsTask());
            await WaitForWaitingCallsAsync(key, i + 1);
        }

        // The slot the short call frees serves every queued call, in arrival order, while the long calls still run.
        probe.Open("short");
        await Task.WhenAll(queued).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, bound + 1).Select(i => $"start q{i}"), probe.Events.Where(e => e.StartsWith("start q", StringComparison.Ordinal)));
        Assert.All(holders, h => Assert.False(h.IsCompleted));

        probe.Open("long");
        await Task.WhenAll(holders).WaitAsync(Patience);
    }

    [Fact]
    public async Task The_value_is_built_by_the_registered_factory_and_shared_by_the_calls()
    {
        string key = NewKey();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(key);

        string[] seen = await Task.WhenAll(Enumerable.Range(0, model.MaxConcurrency * 4).Select(_ => model.CallAsync(new DescribeResource<TResource>()).AsTask()));

        string only = Assert.Single(seen.Distinct());
        Assert.StartsWith($"{key}#", only, StringComparison.Ordinal);
        Assert.Equal(only, await Models.GetPCModel<TResource>(key).CallAsync(new DescribeResource<TResource>()));
    }

    [Fact]
    public async Task A_call_cancelled_while_queued_never_runs()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(key);
        int bound = model.MaxConcurrency;
        Task<string>[] holders = [.. Enumerable.Range(0, bound).Select(i => model.CallAsync(new Hold<TResource>(probe.Id, $"h{i}", Gate: "g")).AsTask())];
        await probe.WaitForRunningAsync(bound, Patience);

        using var cts = new CancellationTokenSource();
        Task<string> victim = model.CallAsync(new Hold<TResource>(probe.Id, "victim"), cts.Token).AsTask();
        await WaitForWaitingCallsAsync(key, 1);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => victim.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.CallAsync(new Hold<TResource>(probe.Id, "late"), cts.Token).AsTask());

        probe.Open("g");
        await Task.WhenAll(holders).WaitAsync(Patience);
        await model.CallAsync(new Hold<TResource>(probe.Id, "after")).AsTask().WaitAsync(Patience);
        Assert.False(probe.Has("start victim"));
        Assert.False(probe.Has("start late"));
    }

    [Fact]
    public Task A_deadline_that_ends_the_operation_through_its_token_is_told_as_TimeoutException_not_as_a_cancellation() =>
        AssertOperationsEndedByTheDeadlineAreToldTimeoutAsync<TResource>(
        [
            .. Enumerable.Range(0, 3).Select(_ => Models.GetPCModel<TResource>(NewKey()))
                .Select(model => (Func<Hold<TResource>, TimeSpan, ValueTask<string>>)((hold, timeout) => model.CallAsync(hold, timeout))),
        ]);

    [Fact]
    public async Task A_call_past_its_deadline_throws_TimeoutException_and_keeps_its_slot_until_it_returns()
    {
        Probe probe = Probe.Create();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(NewKey());
        int bound = model.MaxConcurrency;
        var others = new List<Task<string>>();
        for (int i = 0; i < bound - 1; i++)
        {
            others.Add(model.CallAsync(new Hold<TResource>(probe.Id, $"other{i}", Gate: "others")).AsTask());
            await probe.WaitForAsync($"start other{i}", Patience);
        }

        Task<string> slow = model.CallAsync(new Hold<TResource>(probe.Id, "slow", Gate: "slow", IgnoreCancellation: true), TimeSpan.FromMilliseconds(300)).AsTask();
        await Assert.ThrowsAsync<TimeoutException>(() => slow.WaitAsync(Patience));
        await probe.WaitForAsync("cancelled slow", Patience);

        Task<string> next = model.CallAsync(new Hold<TResource>(probe.Id, "next")).AsTask();
        await Task.Delay(Quiet);
        Assert.False(probe.Has("start next"));

        probe.Open("slow");
        probe.Open("others");
        await Task.WhenAll([next, .. others]).WaitAsync(Patience);
        Assert.Equal(bound, probe.MaxRunning);
    }

    [Theory]
    [InlineData(FailureKind.InvalidOperation)]
    [InlineData(FailureKind.Custom)]
    public async Task A_failure_reaches_the_caller_with_its_type_and_message(FailureKind kind)
    {
        IPCModel<TResource> model = Models.GetPCModel<TResource>(NewKey());
        string message = $"boom {kind} {Guid.NewGuid():N}";

        Exception? failure = await Record.ExceptionAsync(() => model.CallAsync(new Fail<TResource>(kind, message)).AsTask());

        Assert.NotNull(failure);
        Assert.IsType(ExceptionTypeOf(kind), failure);
        Assert.Equal(message, failure.Message);
        Assert.NotNull(await model.CallAsync(new DescribeResource<TResource>()).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task Delegate_operations_run_in_process_and_are_refused_before_sending_where_they_cannot_travel()
    {
        string key = NewKey();
        IPCModel<TResource> model = Models.GetPCModel<TResource>(key);
        var operation = new DelegateReadOperation<TResource, string>((s, ct) => new ValueTask<string>(s.Value.Key));

        if (RunsDelegateOperations)
        {
            Assert.Equal(key, await model.CallAsync(operation));
        }
        else
        {
            var refused = await Assert.ThrowsAsync<NotSupportedException>(() => model.CallAsync(operation).AsTask());
            Assert.Contains("[GenerateSerializer]", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public Task An_operation_that_calls_its_own_model_is_refused_at_once_directly_or_through_another_model() =>
        AssertReentrancyIsRefusedAsync<TResource>(ModelKind.PCModel, write: false);
}
