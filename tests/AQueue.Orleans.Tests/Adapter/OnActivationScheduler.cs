namespace AQueue.Orleans.Tests;

/// <summary>Says whether it runs on a grain activation's scheduler rather than the thread pool.</summary>
[GenerateSerializer]
public sealed record OnActivationScheduler : IReadOperation<long, bool>, IWriteOperation<long, bool>
{
    public ValueTask<bool> ExecuteAsync(RefInner<long> state, CancellationToken cancellationToken) => new(Check());

    public ValueTask<bool> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken) => new(Check());

    private static bool Check() => TaskScheduler.Current != TaskScheduler.Default;
}
