namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// What happened to each call of one storm round: how often its closure started and finished, and what its
/// caller saw. One global sequence orders closure starts against caller returns, so "a closure ran after
/// its caller was told it was cancelled" is detectable.
/// </summary>
internal sealed class StormLedger
{
    private readonly int _firstId;
    private readonly int[] _starts;
    private readonly int[] _finishes;
    private readonly long[] _startSeq;
    private readonly long[] _returnSeq;
    private readonly long[] _finishSeq;
    private readonly int[] _outcomes;
    private readonly bool[] _tokenCancelled;
    private readonly Exception?[] _errors;
    private readonly CancellationTokenSource?[] _cancelOnStart;
    private long _sequence;

    public StormLedger(CallPlan[] plans)
    {
        Plans = plans;
        _firstId = plans.Length == 0 ? 0 : plans[0].Id;
        _starts = new int[plans.Length];
        _finishes = new int[plans.Length];
        _startSeq = new long[plans.Length];
        _returnSeq = new long[plans.Length];
        _finishSeq = new long[plans.Length];
        _outcomes = new int[plans.Length];
        _tokenCancelled = new bool[plans.Length];
        _errors = new Exception?[plans.Length];
        _cancelOnStart = new CancellationTokenSource?[plans.Length];
    }

    public CallPlan[] Plans { get; }

    public bool Covers(int id) => id - _firstId >= 0 && id - _firstId < Plans.Length;

    /// <summary>Registers the caller's source for a <see cref="CallerKind.CancelWhileRunning"/> call.</summary>
    public void CancelOnStart(int id, CancellationTokenSource source) => Volatile.Write(ref _cancelOnStart[id - _firstId], source);

    public void Started(int id)
    {
        int i = id - _firstId;
        Interlocked.Increment(ref _starts[i]);
        Volatile.Write(ref _startSeq[i], Interlocked.Increment(ref _sequence));
        // The closure runs before its caller returns, so the source is still alive here.
        Volatile.Read(ref _cancelOnStart[i])?.Cancel();
    }

    public void Finished(int id)
    {
        int i = id - _firstId;
        Volatile.Write(ref _finishSeq[i], Interlocked.Increment(ref _sequence));
        Interlocked.Increment(ref _finishes[i]);
    }

    public void Returned(int id, CallOutcome outcome, Exception? error, bool tokenCancelled)
    {
        int i = id - _firstId;
        _errors[i] = error;
        _tokenCancelled[i] = tokenCancelled;
        Volatile.Write(ref _returnSeq[i], Interlocked.Increment(ref _sequence));
        Volatile.Write(ref _outcomes[i], (int)outcome);
    }

    public int Starts(int id) => Volatile.Read(ref _starts[id - _firstId]);

    public int Finishes(int id) => Volatile.Read(ref _finishes[id - _firstId]);

    public long StartSequence(int id) => Volatile.Read(ref _startSeq[id - _firstId]);

    public long ReturnSequence(int id) => Volatile.Read(ref _returnSeq[id - _firstId]);

    public long FinishSequence(int id) => Volatile.Read(ref _finishSeq[id - _firstId]);

    public CallOutcome Outcome(int id) => (CallOutcome)Volatile.Read(ref _outcomes[id - _firstId]);

    public Exception? Error(int id) => _errors[id - _firstId];

    public bool TokenCancelled(int id) => _tokenCancelled[id - _firstId];

    /// <summary>Every closure that started has returned (closures outlive their callers after a deadline).</summary>
    public bool AllClosuresFinished()
    {
        for (int i = 0; i < Plans.Length; i++)
        {
            if (Volatile.Read(ref _starts[i]) != Volatile.Read(ref _finishes[i]))
            {
                return false;
            }
        }

        return true;
    }
}
