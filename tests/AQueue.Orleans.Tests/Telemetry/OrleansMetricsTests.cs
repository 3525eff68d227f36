using System.Diagnostics;
using AQueue.Conformance;
using Xunit;

namespace AQueue.Orleans.Tests;

/// <summary>
/// The Orleans backend reports under the same names as in-process (tagged <c>aqueue.backend=orleans</c> and the
/// mapping): the silos count each call by outcome and time its hold; where the grain queues calls itself (reader-writer
/// write-preferring, PCModel) they also time the wait and count the callers waiting; a call refused for re-entrancy is
/// counted where it was refused; one trace runs from the caller's span into the silo's.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrleansMetricsTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Actor_calls_are_counted_on_the_silo_by_outcome_with_their_hold_and_mapping()
    {
        using var metrics = new MetricsRecorder(typeof(MeteredCounter));
        string key = $"metered/{Guid.NewGuid():N}";
        IActor<MeteredCounter> actor = cluster.ClientModels.GetActor<MeteredCounter>(key);
        Probe probe = Probe.Create();

        for (int i = 0; i < 3; i++)
        {
            await actor.InnerCallAsync(new Hold<MeteredCounter>(probe.Id, $"op{i}"));
        }

        await Assert.ThrowsAsync<ConformanceException>(() => actor.InnerCallAsync(new Fail<MeteredCounter>(FailureKind.Custom, "no")).AsTask());

        // An operation that calls its own actor: the inner call is refused (counted where it was made, on the silo), so
        // the outer operation faults.
        string provider = ModelProviders.Register(cluster.SiloModels[0]);
        await Assert.ThrowsAsync<ModelReentrancyException>(() =>
            actor.InnerCallAsync(new CallModel<MeteredCounter>(provider, ModelKind.Actor, key, Write: true)).AsTask());

        // A call whose operation runs past its deadline (its token is cancelled there), and one its caller cancels while it
        // runs. (A call that Orleans drops from the activation's queue never reaches the grain: the silo cannot count it.)
        await Assert.ThrowsAsync<TimeoutException>(() =>
            actor.InnerCallAsync(new Hold<MeteredCounter>(probe.Id, "late", Gate: "never"), TimeSpan.FromMilliseconds(300)).AsTask());
        using var cancel = new CancellationTokenSource();
        Task<string> cancelled = actor.InnerCallAsync(new Hold<MeteredCounter>(probe.Id, "cancelled", Gate: "never"), cancel.Token).AsTask();
        await probe.WaitForAsync("start cancelled", Patience);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await metrics.WaitUntilAsync(m => m.Calls("timed_out") == 1 && m.Calls("cancelled") == 1, "the silo counted both", Patience);

        Assert.Equal(3, metrics.Calls("completed"));
        Assert.Equal(2, metrics.Calls("faulted"));
        Assert.Equal(1, metrics.Calls("reentrancy_refused"));
        Assert.Equal(1, metrics.Calls("timed_out"));
        Assert.Equal(1, metrics.Calls("cancelled"));

        // And the silo logged the refusal (a Warning: a bug in the calling code) and the timeout (Information).
        CapturedLog[] logged = [.. CapturedLogs.Entries.Where(e => e.Message.Contains(key, StringComparison.Ordinal))];
        Assert.Contains(logged, e => e is { EventId: 1301, Level: Microsoft.Extensions.Logging.LogLevel.Warning, Category: "AQueue.Orleans" });
        Assert.Contains(logged, e => e is { EventId: 1302, Level: Microsoft.Extensions.Logging.LogLevel.Information });

        // Every grain method run held the actor; Orleans queued the calls, out of AQueue's sight: no wait is recorded.
        Assert.Equal(7, metrics.Of(AQueueDiagnostics.HoldDurationInstrument).Count);
        Assert.Empty(metrics.Of(AQueueDiagnostics.WaitDurationInstrument));
        double longest = metrics.Of(AQueueDiagnostics.HoldDurationInstrument).Max(m => m.Value);
        Assert.True(longest >= 0.29, $"the late call held the actor until its 300 ms deadline, but the longest hold reported is {longest} s");
        Assert.All(metrics.All, m =>
        {
            Assert.Equal("orleans", m.Tag(AQueueDiagnostics.BackendTag));
            Assert.Equal("actor", m.Tag(AQueueDiagnostics.ModelKindTag));
            Assert.Equal("actor_grain", m.Tag(AQueueDiagnostics.MappingTag));
            Assert.DoesNotContain(AQueueDiagnostics.KeyTag, m.Tags.Keys);
            Assert.NotNull(m.Meter.Scope); // the silo's meter factory
        });
    }

    [Fact]
    public async Task A_write_preferring_model_reports_waits_waiting_callers_and_a_cancelled_queued_call()
    {
        using var metrics = new MetricsRecorder(typeof(MeteredTally));
        IRwModel<MeteredTally> model = cluster.ClientModels.GetRwModel<MeteredTally>($"metered/{Guid.NewGuid():N}");
        Probe probe = Probe.Create();

        Task<string> holder = model.CallMutAsync(new Hold<MeteredTally>(probe.Id, "holder", Gate: "g")).AsTask();
        await probe.WaitForAsync("start holder", Patience);
        Task<string> queued = model.CallMutAsync(new Hold<MeteredTally>(probe.Id, "queued")).AsTask();
        await probe.WaitForAsync("arrived queued", Patience);
        using var cancel = new CancellationTokenSource();
        Task<string> cancelled = model.CallAsync(new Hold<MeteredTally>(probe.Id, "cancelled"), cancel.Token).AsTask();
        await probe.WaitForAsync("arrived cancelled", Patience);
        await metrics.WaitUntilAsync(m => m.Waiting == 2, "two calls counted as waiting", Patience);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await metrics.WaitUntilAsync(m => m.Calls("cancelled") == 1 && m.Waiting == 1, "the cancelled call counted and gone from the queue", Patience);
        probe.Open("g");
        await Task.WhenAll(holder, queued).WaitAsync(Patience);
        await metrics.WaitUntilAsync(m => m.Calls("completed") == 2, "both writes completed", Patience);

        double[] waits = [.. metrics.Of(AQueueDiagnostics.WaitDurationInstrument).Select(m => m.Value)];
        Assert.Equal(2, waits.Length);
        Assert.Equal(0, waits[0]);
        Assert.True(waits[1] > 0, $"the queued write reported a wait of {waits[1]} s");
        Assert.Equal(0, metrics.Waiting);
        Assert.Equal(2, metrics.Of(AQueueDiagnostics.HoldDurationInstrument).Count);
        Assert.False(probe.Has("start cancelled"));
        Assert.All(metrics.All, m => Assert.Equal("write_preferring", m.Tag(AQueueDiagnostics.MappingTag)));
    }

    [Fact]
    public async Task The_read_only_mapping_and_the_per_silo_pc_model_report_their_calls_under_their_mappings()
    {
        using var readOnly = new MetricsRecorder(typeof(MeteredReadOnlyTally));
        using var permits = new MetricsRecorder(typeof(MeteredResource));
        Probe probe = Probe.Create();
        IRwModel<MeteredReadOnlyTally> model = cluster.ClientModels.GetRwModel<MeteredReadOnlyTally>($"metered/{Guid.NewGuid():N}");
        IPCModel<MeteredResource> limiter = cluster.SiloModels[0].GetPCModel<MeteredResource>($"metered/{Guid.NewGuid():N}");

        await model.CallAsync(new Hold<MeteredReadOnlyTally>(probe.Id, "read"));
        await model.CallMutAsync(new Hold<MeteredReadOnlyTally>(probe.Id, "write"));
        Task<string> holding = limiter.CallAsync(new Hold<MeteredResource>(probe.Id, "slot", Gate: "g")).AsTask();
        await probe.WaitForAsync("start slot", Patience);
        Task<string> waiting = limiter.CallAsync(new Hold<MeteredResource>(probe.Id, "next")).AsTask();
        await permits.WaitUntilAsync(m => m.Waiting == 1, "the second call waits for the one slot", Patience);
        probe.Open("g");
        await Task.WhenAll(holding, waiting).WaitAsync(Patience);
        await permits.WaitUntilAsync(m => m.Calls("completed") == 2, "both permit calls completed", Patience);

        Assert.Equal(2, readOnly.Calls("completed"));
        Assert.Empty(readOnly.Of(AQueueDiagnostics.WaitDurationInstrument));
        Assert.All(readOnly.All, m => Assert.Equal("read_only_interleaving", m.Tag(AQueueDiagnostics.MappingTag)));
        double[] waits = [.. permits.Of(AQueueDiagnostics.WaitDurationInstrument).Select(m => m.Value)];
        Assert.Equal(2, waits.Length);
        Assert.Equal(0, waits[0]);
        Assert.True(waits[1] > 0, $"the queued permit call reported a wait of {waits[1]} s");
        Assert.All(permits.All, m => Assert.Equal("per_silo", m.Tag(AQueueDiagnostics.MappingTag)));
        Assert.All(permits.All, m => Assert.Equal("pc_model", m.Tag(AQueueDiagnostics.ModelKindTag)));
    }

    [Fact]
    public async Task One_trace_runs_from_the_callers_span_across_the_grain_call_into_the_silos_span()
    {
        using var spans = new SpanRecorder();
        string key = $"traced/{Guid.NewGuid():N}";
        IActor<MeteredCounter> actor = cluster.ClientModels.GetActor<MeteredCounter>(key);
        Probe probe = Probe.Create();

        await actor.InnerCallAsync(new Hold<MeteredCounter>(probe.Id, "traced"));
        await spans.WaitUntilAsync(s => s.Of(typeof(MeteredCounter)).Count(a => Equals(a.GetTagItem(AQueueDiagnostics.KeyTag), key) || a.Kind == ActivityKind.Server) >= 2,
            "a client and a server span", Patience);

        Activity client = Assert.Single(spans.Of(typeof(MeteredCounter)), a => a.Kind == ActivityKind.Client && Equals(a.GetTagItem(AQueueDiagnostics.KeyTag), key));
        Activity server = Assert.Single(spans.Of(typeof(MeteredCounter)), a => a.Kind == ActivityKind.Server && a.TraceId == client.TraceId);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Equal("completed", server.GetTagItem(AQueueDiagnostics.OutcomeTag));
        Assert.Equal("orleans", server.GetTagItem(AQueueDiagnostics.BackendTag));
    }
}
