using Xunit;

// The tests are documented by their names, which say what each asserts.
#pragma warning disable CS1591

namespace AQueue.Conformance;

/// <summary>
/// The contract of <see cref="IRwModel{T}"/>: reads together, writes alone, and a waiting write holds back the reads
/// that arrive after it (docs/architecture.md), unless the mapping under test declares otherwise (docs/orleans.md).
/// </summary>
/// <typeparam name="TTally">The model's value type; its registration's <see cref="RwModelMapping"/> is the mapping under
/// test on Orleans.</typeparam>
public abstract class RwModelConformance<TTally> : ModelConformance
    where TTally : Tally
{
    /// <summary>
    /// Whether a waiting write holds back the reads that arrive after it (write preference). In-process and on Orleans
    /// with <see cref="RwModelMapping.WritePreferring"/>: yes. On Orleans with
    /// <see cref="RwModelMapping.ReadOnlyInterleaving"/>: no, Orleans admits a read beside running reads even when a
    /// write arrived before it, so the read starts first and the write waits until no read runs.
    /// </summary>
    protected virtual bool WritesHoldBackLaterReads => true;

    /// <summary>
    /// Whether reads that run together may run on two threads at the same instant. In-process: yes. On Orleans: no,
    /// an activation's reads interleave at their awaits on one single-threaded scheduler; parallel CPU work needs
    /// several keys.
    /// </summary>
    protected virtual bool ReadsRunOnParallelThreads => true;

    [Fact]
    public async Task Writes_run_alone_reads_never_beside_a_write_and_no_write_is_lost()
    {
        const int Writes = 100;
        Probe probe = Probe.Create();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(NewKey());

        Task[] calls = [.. Enumerable.Range(0, Writes * 2).Select(i => Task.Run(() => i % 2 == 0
            ? model.CallMutAsync(new IncrementTally<TTally>(probe.Id)).AsTask()
            : (Task)model.CallAsync(new Hold<TTally>(probe.Id, "read", Milliseconds: 1)).AsTask()))];
        await Task.WhenAll(calls).WaitAsync(Patience * 3);

        IReadOnlyList<string> events = probe.Events;
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] == "start increment")
            {
                // Nothing starts while a write runs: its end is the very next event.
                Assert.Equal("end increment", events[i + 1]);
            }
        }

        Assert.Equal(Writes, await model.CallAsync(new GetTallyCount<TTally>()));
    }

    [Fact]
    public async Task Reads_run_together()
    {
        Probe probe = Probe.Create();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(NewKey());

        Task<string> first = model.CallAsync(new Hold<TTally>(probe.Id, "R1", Gate: "g1")).AsTask();
        await probe.WaitForAsync("start R1", Patience);
        Task<string> second = model.CallAsync(new Hold<TTally>(probe.Id, "R2", Gate: "g2")).AsTask();
        await probe.WaitForAsync("start R2", Patience);

        Assert.Equal(2, probe.MaxRunning);
        probe.Open("g1");
        probe.Open("g2");
        await Task.WhenAll(first, second).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_read_sent_after_a_waiting_write_starts_after_it_only_where_writes_hold_back_later_reads()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(key);
        Task<string> r1 = model.CallAsync(new Hold<TTally>(probe.Id, "R1", Gate: "g")).AsTask();
        await probe.WaitForAsync("start R1", Patience);

        Task<string> write = model.CallMutAsync(new Hold<TTally>(probe.Id, "W")).AsTask();
        await WaitForWaitingCallsAsync(key, 1);
        Task<string> r2 = model.CallAsync(new Hold<TTally>(probe.Id, "R2")).AsTask();
        if (!WritesHoldBackLaterReads)
        {
            // No write preference: R2 passes the waiting write and runs beside R1; the write waits for both.
            await r2.WaitAsync(Patience);
            Assert.False(r1.IsCompleted);
            Assert.False(probe.Has("start W"));
            probe.Open("g");
            await Task.WhenAll(r1, write).WaitAsync(Patience);
            Assert.Equal(["start R1", "start R2", "end R2", "end R1", "start W", "end W"], probe.Events);
            return;
        }

        // Only a read runs, yet R2 waits behind the write, which came first.
        await WaitForWaitingCallsAsync(key, 2);
        Assert.False(probe.Has("start R2"));
        Assert.False(probe.Has("start W"));

        probe.Open("g");
        await Task.WhenAll(r1, write, r2).WaitAsync(Patience);
        Assert.Equal(["start R1", "end R1", "start W", "end W", "start R2", "end R2"], probe.Events);
    }

    [Fact]
    public async Task Cancelling_a_queued_write_lets_the_reads_behind_it_in_at_once()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(key);
        Task<string> r1 = model.CallAsync(new Hold<TTally>(probe.Id, "R1", Gate: "g")).AsTask();
        await probe.WaitForAsync("start R1", Patience);

        using var cts = new CancellationTokenSource();
        Task<string> write = model.CallMutAsync(new Hold<TTally>(probe.Id, "W"), cts.Token).AsTask();
        await WaitForWaitingCallsAsync(key, 1);
        Task<string> r2 = model.CallAsync(new Hold<TTally>(probe.Id, "R2")).AsTask();
        if (WritesHoldBackLaterReads)
        {
            await WaitForWaitingCallsAsync(key, 2);
            Assert.False(probe.Has("start R2"));
        }
        else
        {
            // No write preference: R2 has passed the waiting write already, beside R1.
            await r2.WaitAsync(Patience);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(Patience));

        // R2 runs beside R1, which still holds its read.
        await r2.WaitAsync(Patience);
        Assert.False(r1.IsCompleted);
        probe.Open("g");
        await r1.WaitAsync(Patience);
        await model.CallMutAsync(new Hold<TTally>(probe.Id, "after")).AsTask().WaitAsync(Patience);
        Assert.False(probe.Has("start W"));
    }

    [Fact]
    public async Task Reads_run_on_parallel_threads_only_where_the_backend_says_so()
    {
        Probe probe = Probe.Create();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(NewKey());

        // Where reads are parallel, the second read joins within the window and both leave at once; where they are
        // not, each read blocks alone for the whole (short) window.
        int window = ReadsRunOnParallelThreads ? (int)Patience.TotalMilliseconds : (int)Quiet.TotalMilliseconds;
        Task<int> r1 = Task.Run(() => model.CallAsync(new BlockingRead<TTally>(probe.Id, "R1", window)).AsTask());
        await probe.WaitForAsync("start R1", Patience);
        Task<int> r2 = Task.Run(() => model.CallAsync(new BlockingRead<TTally>(probe.Id, "R2", window)).AsTask());
        await Task.WhenAll(r1, r2).WaitAsync(Patience * 2);

        Assert.Equal(ReadsRunOnParallelThreads ? 2 : 1, probe.MaxInSyncSection);
    }

    [Fact]
    public async Task A_read_cancelled_while_queued_behind_a_write_never_runs()
    {
        Probe probe = Probe.Create();
        string key = NewKey();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(key);
        Task<string> write = model.CallMutAsync(new Hold<TTally>(probe.Id, "W", Gate: "g")).AsTask();
        await probe.WaitForAsync("start W", Patience);

        using var cts = new CancellationTokenSource();
        Task<string> read = model.CallAsync(new Hold<TTally>(probe.Id, "R"), cts.Token).AsTask();
        await WaitForWaitingCallsAsync(key, 1);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Patience));
        Assert.False(write.IsCompleted);

        probe.Open("g");
        await write.WaitAsync(Patience);
        await model.CallAsync(new Hold<TTally>(probe.Id, "after")).AsTask().WaitAsync(Patience);
        Assert.False(probe.Has("start R"));
    }

    [Fact]
    public Task A_deadline_that_ends_a_read_or_a_write_through_its_token_is_told_as_TimeoutException_not_as_a_cancellation() =>
        AssertOperationsEndedByTheDeadlineAreToldTimeoutAsync<TTally>(
        [
            .. Enumerable.Range(0, 2).Select(_ => Models.GetRwModel<TTally>(NewKey()))
                .Select(model => (Func<Hold<TTally>, TimeSpan, ValueTask<string>>)((hold, timeout) => model.CallMutAsync(hold, timeout))),
            .. Enumerable.Range(0, 2).Select(_ => Models.GetRwModel<TTally>(NewKey()))
                .Select(model => (Func<Hold<TTally>, TimeSpan, ValueTask<string>>)((hold, timeout) => model.CallAsync(hold, timeout))),
        ]);

    [Fact]
    public async Task A_write_past_its_deadline_throws_TimeoutException_and_keeps_out_reads_until_it_returns()
    {
        Probe probe = Probe.Create();
        IRwModel<TTally> model = Models.GetRwModel<TTally>(NewKey());

        Task<string> slow = model.CallMutAsync(new Hold<TTally>(probe.Id, "W", Gate: "g", IgnoreCancellation: true), TimeSpan.FromMilliseconds(300)).AsTask();
        await Assert.ThrowsAsync<TimeoutException>(() => slow.WaitAsync(Patience));
        await probe.WaitForAsync("cancelled W", Patience);

        Task<string> read = model.CallAsync(new Hold<TTally>(probe.Id, "R"), TimeSpan.FromSeconds(10)).AsTask();
        await Task.Delay(Quiet);
        Assert.False(probe.Has("start R"));

        probe.Open("g");
        await read.WaitAsync(Patience);
        Assert.True(probe.IndexOf("end W") < probe.IndexOf("start R"));
    }

    [Theory]
    [InlineData(FailureKind.InvalidOperation, false)]
    [InlineData(FailureKind.Custom, false)]
    [InlineData(FailureKind.Argument, true)]
    [InlineData(FailureKind.Custom, true)]
    public async Task A_failure_reaches_the_caller_with_its_type_and_message_and_frees_the_model(FailureKind kind, bool write)
    {
        IRwModel<TTally> model = Models.GetRwModel<TTally>(NewKey());
        string message = $"boom {kind} {Guid.NewGuid():N}";

        Exception? failure = await Record.ExceptionAsync(() => write
            ? model.CallMutAsync(new Fail<TTally>(kind, message)).AsTask()
            : model.CallAsync(new Fail<TTally>(kind, message)).AsTask());

        Assert.NotNull(failure);
        Assert.IsType(ExceptionTypeOf(kind), failure);
        Assert.Equal(message, failure.Message);
        Assert.Equal(0, await model.CallMutAsync(new GetTallyCount<TTally>()).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task The_value_starts_from_the_registry_and_reads_see_the_writes()
    {
        string key = NewKey();

        Assert.Equal($"registry:{key}#0", await Models.GetRwModel<TTally>(key).CallAsync(new ReadOrigin<TTally>()));
        Assert.Equal($"registry:{key}#1", await Models.GetRwModel<TTally>(key).CallMutAsync(new ReadOrigin<TTally>()));
        Assert.Equal($"registry:{key}#1", await Models.GetRwModel<TTally>(key).CallAsync(new ReadOrigin<TTally>()));
    }

    [Fact]
    public async Task Delegate_operations_run_in_process_and_are_refused_before_sending_where_they_cannot_travel()
    {
        IRwModel<TTally> model = Models.GetRwModel<TTally>(NewKey());
        var read = new DelegateReadOperation<TTally, long>((s, ct) => new ValueTask<long>(s.Value.Count + 1));
        var write = new DelegateWriteOperation<TTally, long>((s, ct) => new ValueTask<long>(++s.Value.Count));

        if (RunsDelegateOperations)
        {
            Assert.Equal(1, await model.CallMutAsync(write));
            Assert.Equal(2, await model.CallAsync(read));
        }
        else
        {
            Assert.Contains("[GenerateSerializer]", (await Assert.ThrowsAsync<NotSupportedException>(() => model.CallAsync(read).AsTask())).Message, StringComparison.Ordinal);
            Assert.Contains("[GenerateSerializer]", (await Assert.ThrowsAsync<NotSupportedException>(() => model.CallMutAsync(write, TimeSpan.FromSeconds(1)).AsTask())).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task An_operation_that_calls_its_own_model_is_refused_at_once_directly_or_through_another_model(bool write) =>
        AssertReentrancyIsRefusedAsync<TTally>(ModelKind.RwModel, write);
}
