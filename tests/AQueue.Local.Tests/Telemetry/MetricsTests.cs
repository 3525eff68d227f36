using System.Diagnostics;
using System.Diagnostics.Metrics;
using AQueue.Conformance;
using AQueue.Local.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AQueue.Local.Tests.Telemetry;

/// <summary>
/// Each instrument reports what happened to in-process models: calls by outcome, waits (0 for a call that found the model
/// free, more for one that queued), holds, and the callers waiting now. Serial: a listener makes every model in the
/// process report while it listens.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class MetricsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Calls_are_counted_once_each_by_outcome_with_the_models_tags_and_no_key()
    {
        using var metrics = new MetricsRecorder(typeof(OutcomeValue));
        var actor = new Actor<OutcomeValue>(new OutcomeValue());

        // Completed: three synchronous closures and one that awaits.
        for (int i = 0; i < 3; i++)
        {
            await actor.InnerCallAsync(static s => { s.Value.Count++; return ValueTask.CompletedTask; });
        }

        await actor.InnerCallAsync(static async s => { await Task.Yield(); s.Value.Count++; });

        // Faulted: one closure throws at once, one after an await.
        await Assert.ThrowsAsync<InvalidOperationException>(() => actor.InnerCallAsync(static _ => throw new InvalidOperationException("sync")).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => actor.InnerCallAsync(static async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async");
        }).AsTask());

        // Cancelled: a token cancelled before the call.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => actor.InnerCallAsync(static _ => ValueTask.CompletedTask, new CancellationToken(true)).AsTask());

        // Timed out: a call that waits behind a holder past its deadline (the holder completes).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task holder = actor.InnerCallAsync(async _ => await release.Task).AsTask();
        await Assert.ThrowsAsync<TimeoutException>(() => actor.InnerCallAsync(static _ => ValueTask.CompletedTask, TimeSpan.FromMilliseconds(50)).AsTask());
        release.SetResult();
        await holder;

        // Refused: a call into the actor from its own closure (the outer call completes: it catches the refusal).
        await actor.InnerCallAsync(async _ =>
        {
            await Assert.ThrowsAsync<ModelReentrancyException>(() => actor.InnerCallAsync(static _ => ValueTask.CompletedTask).AsTask());
        });

        Assert.Equal(6, metrics.Calls("completed"));
        Assert.Equal(2, metrics.Calls("faulted"));
        Assert.Equal(1, metrics.Calls("cancelled"));
        Assert.Equal(1, metrics.Calls("timed_out"));
        Assert.Equal(1, metrics.Calls("reentrancy_refused"));
        Assert.Equal(11, metrics.Calls());
        foreach (MetricMeasurement measurement in metrics.All)
        {
            Assert.Equal("local", measurement.Tag(AQueueDiagnostics.BackendTag));
            Assert.Equal("actor", measurement.Tag(AQueueDiagnostics.ModelKindTag));
            Assert.DoesNotContain(AQueueDiagnostics.KeyTag, measurement.Tags.Keys);
            Assert.DoesNotContain(AQueueDiagnostics.MappingTag, measurement.Tags.Keys);
            Assert.Null(measurement.Meter.Scope); // built with new: the process-wide meter
        }
    }

    [Fact]
    public async Task A_call_that_found_the_actor_free_waited_0_and_each_queued_call_waited_more()
    {
        using var metrics = new MetricsRecorder(typeof(WaitValue));
        var actor = new Actor<WaitValue>(new WaitValue());
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task holder = actor.InnerCallAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
        }).AsTask();
        await started.Task;

        Task[] queued = [.. Enumerable.Range(0, 3).Select(_ => actor.InnerCallAsync(static s => { s.Value.Count++; return ValueTask.CompletedTask; }).AsTask())];
        var heldFor = Stopwatch.StartNew(); // from after the calls queued until the holder is released

        Assert.Equal(3, actor.GetSnapshot().Waiting);
        Assert.Equal(3, metrics.Waiting);
        Assert.Single(metrics.Of(AQueueDiagnostics.WaitDurationInstrument)); // the holder's, as it started
        heldFor.Stop();
        release.SetResult();
        await Task.WhenAll([holder, .. queued]).WaitAsync(Patience);
        await metrics.WaitUntilAsync(m => m.Calls("completed") == 4, "4 calls completed", Patience);

        double[] waits = [.. metrics.Of(AQueueDiagnostics.WaitDurationInstrument).Select(m => m.Value)];
        Assert.Equal(4, waits.Length);
        Assert.Equal(0, waits[0]);
        Assert.All(waits[1..], wait => Assert.True(wait > 0, $"a queued call reported a wait of {wait} s"));
        Assert.Equal(0, metrics.Waiting);
        double[] holds = [.. metrics.Of(AQueueDiagnostics.HoldDurationInstrument).Select(m => m.Value)];
        Assert.Equal(4, holds.Length);
        Assert.True(holds[0] >= heldFor.Elapsed.TotalSeconds, $"the holder held {holds[0]} s, at least {heldFor.Elapsed.TotalSeconds} s was seen");
        Assert.True(waits[1] >= heldFor.Elapsed.TotalSeconds, $"the first queued call waited {waits[1]} s behind a holder seen for {heldFor.Elapsed.TotalSeconds} s");
    }

    [Fact]
    public async Task Reads_writes_blocking_and_timed_calls_of_a_reader_writer_model_are_each_counted_and_timed()
    {
        using var metrics = new MetricsRecorder(typeof(RwValue));
        var model = new RwModel<RwValue>(new RwValue());

        await model.CallAsync(static s => new ValueTask<long>(s.Value.Count));
        await model.CallMutAsync(static s => { s.Value.Count++; return ValueTask.CompletedTask; });
        model.Call(static s => s.Value.Count);
        model.CallMut(static s => s.Value.Count++);
        await model.CallMutAsync(static s => { s.Value.Count++; return ValueTask.CompletedTask; }, TimeSpan.FromSeconds(5));
        await model.CallAsync(static s => new ValueTask<long>(s.Value.Count), TimeSpan.FromSeconds(5));

        Assert.Equal(6, metrics.Calls("completed"));
        Assert.Equal(6, metrics.Of(AQueueDiagnostics.WaitDurationInstrument).Count);
        Assert.All(metrics.Of(AQueueDiagnostics.WaitDurationInstrument), m => Assert.Equal(0, m.Value));
        Assert.Equal(6, metrics.Of(AQueueDiagnostics.HoldDurationInstrument).Count);
        Assert.All(metrics.All, m => Assert.Equal("rw_model", m.Tag(AQueueDiagnostics.ModelKindTag)));
    }

    [Fact]
    public async Task A_blocking_call_queued_behind_a_write_reports_its_wait_and_the_waiting_count()
    {
        using var metrics = new MetricsRecorder(typeof(SyncWaitValue));
        var model = new RwModel<SyncWaitValue>(new SyncWaitValue());
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task writer = model.CallMutAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
        }).AsTask();
        await started.Task;

        Task<long> blocked = Task.Run(() => model.Call(static s => s.Value.Count));
        await metrics.WaitUntilAsync(m => m.Waiting == 1, "the blocking read counted as waiting", Patience);
        release.SetResult();
        await Task.WhenAll(writer, blocked).WaitAsync(Patience);

        Assert.Equal(2, metrics.Calls("completed"));
        Assert.Equal(0, metrics.Waiting);
        double[] waits = [.. metrics.Of(AQueueDiagnostics.WaitDurationInstrument).Select(m => m.Value)];
        Assert.Equal(0, waits[0]);
        Assert.True(waits[1] > 0, $"the blocked read reported a wait of {waits[1]} s");
    }

    [Fact]
    public async Task A_permit_model_reports_waits_only_for_calls_beyond_its_bound()
    {
        using var metrics = new MetricsRecorder(typeof(PermitValue));
        var model = new PCModel<PermitValue>(new PermitValue(), maxConcurrency: 2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] holders = [.. Enumerable.Range(0, 2).Select(_ => model.CallAsync(async _ => await release.Task).AsTask())];
        Task third = model.CallAsync(static _ => ValueTask.CompletedTask).AsTask();

        ModelSnapshot snapshot = model.GetSnapshot();
        Assert.Equal((2, false, 1, false), (snapshot.Holders, snapshot.IsWriteHeld, snapshot.Waiting, snapshot.IsWriteWaiting));
        Assert.Equal(1, metrics.Waiting);
        release.SetResult();
        await Task.WhenAll([.. holders, third]).WaitAsync(Patience);
        await metrics.WaitUntilAsync(m => m.Calls("completed") == 3, "3 calls completed", Patience);

        double[] waits = [.. metrics.Of(AQueueDiagnostics.WaitDurationInstrument).Select(m => m.Value)];
        Assert.Equal(3, waits.Length);
        Assert.Equal(2, waits.Count(w => w == 0));
        Assert.Equal(1, waits.Count(w => w > 0));
        Assert.Equal(0, metrics.Waiting);
        Assert.All(metrics.All, m => Assert.Equal("pc_model", m.Tag(AQueueDiagnostics.ModelKindTag)));
    }

    [Fact]
    public async Task Models_of_the_provider_report_to_the_hosts_meter_factory()
    {
        using ServiceProvider services = new ServiceCollection().AddMetrics().AddAQueueLocal().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var hostMeter = new MetricsRecorder(typeof(FactoryValue), meter => ReferenceEquals(meter.Scope, factory));
        using var anyMeter = new MetricsRecorder(typeof(FactoryValue));
        IModelProvider models = services.GetRequiredService<IModelProvider>();

        await models.GetActor<FactoryValue>("a").InnerCallAsync(new DelegateWriteOperation<FactoryValue, long>(static (s, _) => new ValueTask<long>(++s.Value.Count)));
        await new Actor<FactoryValue>(new FactoryValue()).InnerCallAsync(static s => { s.Value.Count++; return ValueTask.CompletedTask; });

        Assert.Equal(1, hostMeter.Calls("completed"));
        Assert.Equal(2, anyMeter.Calls("completed"));
    }
}
