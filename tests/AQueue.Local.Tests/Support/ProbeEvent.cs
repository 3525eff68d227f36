namespace AQueue.Local.Tests.Support;

/// <summary>One start or end seen by a <see cref="ConcurrencyProbe"/>.</summary>
/// <param name="Id">The closure's id.</param>
/// <param name="Kind">Start or end.</param>
/// <param name="Exclusive">Whether the closure claimed exclusive access.</param>
/// <param name="RunningAfter">Closures inside the probe just after this event.</param>
/// <param name="ThreadId">The managed thread the event happened on.</param>
public readonly record struct ProbeEvent(int Id, ProbeEventKind Kind, bool Exclusive, int RunningAfter, int ThreadId);
