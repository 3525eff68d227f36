namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>What a storm closure reports to: the round's ledger and the model's concurrency probe.</summary>
internal sealed class StormContext(StormLedger ledger, ConcurrencyProbe probe)
{
    public StormLedger Ledger { get; } = ledger;

    public ConcurrencyProbe Probe { get; } = probe;

    public void EnterWrite(int id)
    {
        Ledger.Started(id);
        Probe.EnterWrite(id);
    }

    public void ExitWrite(int id)
    {
        Probe.ExitWrite();
        Ledger.Finished(id);
    }

    public void EnterRead(int id)
    {
        Ledger.Started(id);
        Probe.EnterRead(id);
    }

    public void ExitRead(int id)
    {
        Probe.ExitRead();
        Ledger.Finished(id);
    }
}
