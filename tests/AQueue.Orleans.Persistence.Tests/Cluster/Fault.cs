namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A storage failure <see cref="FaultyGrainStorage"/> can inject.</summary>
[Flags]
public enum Fault
{
    None = 0,

    /// <summary>Writes throw before reaching the store.</summary>
    FailWrites = 1,

    /// <summary>Reads throw as a deserializer does on bad bytes.</summary>
    CorruptReads = 2,

    /// <summary>Reads report a record that holds no value.</summary>
    EmptyRecord = 4,

    /// <summary>Writes throw an exception type Orleans has no codec for.</summary>
    DriverFailure = 8,
}
