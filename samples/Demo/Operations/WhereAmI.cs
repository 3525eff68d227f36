namespace AQueue.Samples.Demo.Operations;

/// <summary>Counts a visit and says which process ran it, to show models spread across silos.</summary>
[GenerateSerializer, Immutable]
public sealed record WhereAmI : IWriteOperation<long, string>
{
    public ValueTask<string> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken)
    {
        state.Value++;
        return new($"process {Environment.ProcessId} ({Environment.MachineName})");
    }
}
