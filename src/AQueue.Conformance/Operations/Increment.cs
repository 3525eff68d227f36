namespace AQueue.Conformance;

/// <summary>
/// Adds one to a counter with a read, an await and a write: without exclusive access, concurrent increments
/// lose updates. Counts itself as running in the probe.
/// </summary>
[GenerateSerializer]
public sealed record Increment([property: Id(0)] string ProbeId) : IWriteOperation<long, long>
{
    /// <inheritdoc />
    public async ValueTask<long> ExecuteAsync(RefMutInner<long> state, CancellationToken cancellationToken)
    {
        using (Probe.Get(ProbeId).Enter("increment"))
        {
            long before = state.Value;
            await Task.Yield();
            state.Value = before + 1;
            return before + 1;
        }
    }
}
