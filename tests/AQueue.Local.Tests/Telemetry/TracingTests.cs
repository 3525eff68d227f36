using System.Diagnostics;
using AQueue.Conformance;
using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.Telemetry;

/// <summary>
/// While something listens to the <c>AQueue</c> activity source, each model call is a span covering its wait and its
/// run: a child of the caller's activity, current inside the closure, gone from the caller's flow afterwards.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class TracingTests
{
    private static readonly ActivitySource s_test = new("AQueue.Local.Tests.Tracing");

    [Fact]
    public async Task Each_call_is_a_span_under_the_callers_activity_and_current_inside_its_closure()
    {
        using var spans = new SpanRecorder(s_test.Name);
        var actor = new Actor<SpanValue>(new SpanValue());
        using Activity outer = s_test.StartActivity("caller")!;
        Activity? insideUncontended = null;
        Activity? insideQueued = null;

        await actor.InnerCallAsync(s => { insideUncontended = Activity.Current; return ValueTask.CompletedTask; });
        Assert.Same(outer, Activity.Current);

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task holder = actor.InnerCallAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
        }).AsTask();
        await started.Task;
        Task queued = actor.InnerCallAsync(s => { insideQueued = Activity.Current; return ValueTask.CompletedTask; }).AsTask();
        Assert.Same(outer, Activity.Current);
        release.SetResult();
        await Task.WhenAll(holder, queued);
        await Assert.ThrowsAsync<InvalidOperationException>(() => actor.InnerCallAsync(static _ => throw new InvalidOperationException("no")).AsTask());

        IReadOnlyList<Activity> calls = spans.Of(typeof(SpanValue));
        Assert.Equal(4, calls.Count);
        Assert.All(calls, span =>
        {
            Assert.Equal(outer.SpanId, span.ParentSpanId);
            Assert.Equal("actor", span.GetTagItem(AQueueDiagnostics.ModelKindTag));
            Assert.Equal("local", span.GetTagItem(AQueueDiagnostics.BackendTag));
        });
        Assert.Equal(calls[0].SpanId, insideUncontended?.SpanId);
        Assert.Contains(calls, span => span.SpanId == insideQueued?.SpanId);
        Activity queuedSpan = calls.Single(span => span.SpanId == insideQueued!.SpanId);
        ActivityEvent acquired = Assert.Single(queuedSpan.Events);
        Assert.Equal(AQueueDiagnostics.AcquiredEvent, acquired.Name);
        Assert.True((double)acquired.Tags.Single().Value! > 0, "the queued call's span says it waited 0 s");
        Assert.Equal(new[] { "completed", "completed", "completed", "faulted" }, calls.Select(span => (string)span.GetTagItem(AQueueDiagnostics.OutcomeTag)!).Order());
        Assert.Equal(ActivityStatusCode.Error, calls.Single(span => Equals(span.GetTagItem(AQueueDiagnostics.OutcomeTag), "faulted")).Status);
    }

    [Fact]
    public async Task Blocking_and_timed_calls_are_spans_too_and_leave_the_callers_activity_current()
    {
        using var spans = new SpanRecorder(s_test.Name);
        var model = new RwModel<SpanValue>(new SpanValue());
        using Activity outer = s_test.StartActivity("caller")!;

        model.CallMut(static s => s.Value.Count++);
        Assert.Same(outer, Activity.Current);
        await model.CallAsync(static s => new ValueTask<long>(s.Value.Count), TimeSpan.FromSeconds(5));
        Assert.Same(outer, Activity.Current);

        IReadOnlyList<Activity> calls = spans.Of(typeof(SpanValue));
        Assert.Equal(2, calls.Count);
        Assert.All(calls, span => Assert.Equal(outer.SpanId, span.ParentSpanId));
        Assert.All(calls, span => Assert.Equal("rw_model", span.GetTagItem(AQueueDiagnostics.ModelKindTag)));
    }
}
