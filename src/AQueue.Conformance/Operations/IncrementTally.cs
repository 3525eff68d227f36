namespace AQueue.Conformance;

/// <summary>
/// Adds one to a <see cref="Tally"/>'s count with a read, an await and a write: without exclusive access, concurrent
/// increments lose updates. Counts itself as running in the probe, as "increment".
/// </summary>
/// <typeparam name="TTally">The model's value type.</typeparam>
[GenerateSerializer]
public sealed record IncrementTally<TTally>([property: Id(0)] string ProbeId) : IWriteOperation<TTally, long>
    where TTally : Tally
{
    /// <inheritdoc />
    public async ValueTask<long> ExecuteAsync(RefMutInner<TTally> state, CancellationToken cancellationToken)
    {
        using (Probe.Get(ProbeId).Enter("increment"))
        {
            long before = state.Value.Count;
            await Task.Yield();
            state.Value.Count = before + 1;
            return before + 1;
        }
    }
}
