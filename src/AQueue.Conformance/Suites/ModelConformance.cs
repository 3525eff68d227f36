using Xunit;

namespace AQueue.Conformance;

/// <summary>
/// What every conformance suite shares: the provider under test, and the backend's stated differences. Each
/// difference is a property a runner sets, and a test asserts the behaviour it names, never a skip.
/// </summary>
public abstract class ModelConformance
{
    /// <summary>How long a test waits for something that must happen.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How long a test watches for something that must not happen (loose: a bug shows up well within it).</summary>
    protected static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The backend under test.</summary>
    protected abstract IModelProvider Models { get; }

    /// <summary>
    /// How many calls wait their turn at the model of <paramref name="key"/> now: calls that have reached the model and
    /// not started. A test that sends a call without awaiting it waits for this count, the state it means by "the call
    /// is queued", before it sends the next or cancels it. In-process: the model's <c>WaitingCount</c>. On Orleans: the
    /// requests waiting in the activation's own queue and those waiting in the grain's.
    /// </summary>
    protected abstract ValueTask<int> CountWaitingCallsAsync(string key);

    /// <summary>Waits until at least <paramref name="count"/> calls wait their turn at the model of <paramref name="key"/>;
    /// fails the test if they do not within <see cref="Patience"/>.</summary>
    protected Task WaitForWaitingCallsAsync(string key, int count) =>
        Poll.UntilAsync(async () => await CountWaitingCallsAsync(key) >= count, $"{count} calls wait at model '{key}'", Patience);

    /// <summary>
    /// Whether delegate-based operations (<see cref="ILocalOnlyOperation"/>) run. In-process: yes. On Orleans: no, a
    /// delegate cannot cross the wire, so the call fails at once with <see cref="NotSupportedException"/>.
    /// </summary>
    protected virtual bool RunsDelegateOperations => true;

    /// <summary>
    /// Whether calls sent one after another without awaiting are queued in the order they were sent. In-process: yes,
    /// a call joins the queue before it returns its task. On Orleans: no, Orleans does not guarantee the delivery
    /// order of concurrent messages (seen here: ten calls sent in a burst ran in reverse), so "first come" means
    /// first to reach the activation; a call sent after an earlier one has reached it does run after it.
    /// </summary>
    protected virtual bool QueuesCallsInSendOrder => true;

    /// <summary>The provider an operation calls models through from inside. In-process: <see cref="Models"/>. On Orleans:
    /// a silo's, as grain code would.</summary>
    protected virtual IModelProvider ModelsInsideOperations => Models;

    /// <summary>A key no other test uses, so each test gets fresh models.</summary>
    protected string NewKey() => $"{GetType().Name}-{Guid.NewGuid():N}";

    /// <summary>The exception type a <see cref="Fail{TState}"/> of <paramref name="kind"/> throws.</summary>
    protected static Type ExceptionTypeOf(FailureKind kind) => kind switch
    {
        FailureKind.InvalidOperation => typeof(InvalidOperationException),
        FailureKind.Argument => typeof(ArgumentException),
        _ => typeof(ConformanceException),
    };

    /// <summary>
    /// A caller that never cancelled, whose timed call's operation ends on its token at the deadline (as most operations
    /// do), is told <see cref="TimeoutException"/>, never <see cref="OperationCanceledException"/>: whichever answers
    /// first, the caller's own timer or the operation's end. Each of <paramref name="calls"/> calls one model (warmed
    /// first, so that an activation does not eat the timeout), all at once: on Orleans the silo's answer and the caller's
    /// timer race.
    /// </summary>
    protected async Task AssertOperationsEndedByTheDeadlineAreToldTimeoutAsync<TState>(IReadOnlyList<Func<Hold<TState>, TimeSpan, ValueTask<string>>> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        Probe probe = Probe.Create();
        for (int i = 0; i < calls.Count; i++)
        {
            await calls[i](new Hold<TState>(probe.Id, $"warm{i}"), Patience).AsTask().WaitAsync(Patience);
        }

        Task<string>[] timed = [.. calls.Select((call, i) => call(new Hold<TState>(probe.Id, $"op{i}", Gate: "never"), TimeSpan.FromMilliseconds(300)).AsTask())];
        for (int i = 0; i < timed.Length; i++)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => timed[i].WaitAsync(Patience));
            await probe.WaitForAsync($"cancelled op{i}", Patience);
        }
    }

    /// <summary>
    /// An operation of a <paramref name="kind"/> model that calls the same model, directly or through another model's
    /// operation, gets <see cref="ModelReentrancyException"/> at once (and its caller with it, across the wire where
    /// there is one); an operation that calls another model is not refused, and the models keep working.
    /// </summary>
    protected async Task AssertReentrancyIsRefusedAsync<TState>(ModelKind kind, bool write)
    {
        string models = ModelProviders.Register(ModelsInsideOperations);
        string a = NewKey();
        string b = NewKey();

        Task<string> Send(IReentryStep<TState> step) =>
            CallModel<TState>.SendAsync(Models, kind, a, write, step).AsTask().WaitAsync(Patience);

        await Assert.ThrowsAsync<ModelReentrancyException>(() => Send(new CallModel<TState>(models, kind, a, write)));
        await Assert.ThrowsAsync<ModelReentrancyException>(() =>
            Send(new CallModel<TState>(models, kind, b, write, new CallModel<TState>(models, kind, a, write))));
        Assert.Equal("reached", await Send(new CallModel<TState>(models, kind, b, write)));
        Assert.Equal("reached", await Send(new Reached<TState>()));
    }
}
