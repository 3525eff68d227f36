using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// A storm PCModel operation: records its start, counts itself in <see cref="SlotGauges"/> for its model's scope while it
/// works for <see cref="WorkMilliseconds"/>, then returns the silo (or throws, with <see cref="Throws"/>).
/// </summary>
[GenerateSerializer]
public sealed record HoldSlot<TSlots>(
    [property: Id(0)] long CallId,
    [property: Id(1)] string Key,
    [property: Id(2)] bool PerSilo,
    [property: Id(3)] int WorkMilliseconds,
    [property: Id(4)] bool Throws) : IReadOperation<TSlots, StormAnswer>
{
    public async ValueTask<StormAnswer> ExecuteAsync(RefInner<TSlots> state, CancellationToken cancellationToken)
    {
        StartLog.Started(CallId);
        string silo = StormAnswer.Here;
        string scope = SlotGauges.Scope(Key, PerSilo, silo);
        SlotGauges.Enter(scope, CallId, silo);
        try
        {
            if (WorkMilliseconds > 0)
            {
                await Task.Delay(WorkMilliseconds, cancellationToken);
            }

            if (Throws)
            {
                throw new InvalidOperationException(StormSender.ThrownMessage);
            }

            return new StormAnswer(0, 0, 0, silo);
        }
        finally
        {
            SlotGauges.Exit(scope, CallId);
        }
    }
}
