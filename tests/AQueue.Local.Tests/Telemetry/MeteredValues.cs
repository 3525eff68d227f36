namespace AQueue.Local.Tests.Telemetry;

// One value type per test: the recorders count only their own type, whatever else runs in the process.

public sealed class OutcomeValue
{
    public long Count { get; set; }
}

public sealed class WaitValue
{
    public long Count { get; set; }
}

public sealed class RwValue
{
    public long Count { get; set; }
}

public sealed class PermitValue
{
    public long Count { get; set; }
}

public sealed class FactoryValue
{
    public long Count { get; set; }
}

public sealed class SpanValue
{
    public long Count { get; set; }
}

public sealed class SyncWaitValue
{
    public long Count { get; set; }
}
