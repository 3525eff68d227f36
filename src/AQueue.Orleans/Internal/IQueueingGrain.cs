namespace AQueue.Orleans.Internal;

/// <summary>
/// A grain whose calls all enter at once (<c>[Reentrant]</c>) and wait their turn in a queue of its own, not in the
/// activation's: how many wait there now. Orleans' own count of waiting requests does not see them; tests that mean
/// "this call is queued" read both.
/// </summary>
internal interface IQueueingGrain
{
    /// <summary>The calls waiting in the grain's queue now (not those holding it).</summary>
    int WaitingCount { get; }
}
