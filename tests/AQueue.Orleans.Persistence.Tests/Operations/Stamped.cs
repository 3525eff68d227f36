using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// Records in <see cref="StartLog"/> the moment it starts (its first statement), then works for
/// <see cref="WorkMilliseconds"/> (an await, so calls of one model queue behind it) and returns the silo it ran on.
/// A read and a write, for any model kind.
/// </summary>
[GenerateSerializer]
public sealed record Stamped<TState>([property: Id(0)] long CallId, [property: Id(1)] int WorkMilliseconds)
    : IReadOperation<TState, string>, IWriteOperation<TState, string>
{
    public ValueTask<string> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public ValueTask<string> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    private async ValueTask<string> RunAsync(CancellationToken cancellationToken)
    {
        StartLog.Started(CallId);
        if (WorkMilliseconds > 0)
        {
            await Task.Delay(WorkMilliseconds, cancellationToken);
        }

        return CurrentSiloFilter.Current ?? "outside-grain";
    }
}
