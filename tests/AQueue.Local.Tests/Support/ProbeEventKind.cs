namespace AQueue.Local.Tests.Support;

/// <summary>What a <see cref="ProbeEvent"/> records.</summary>
public enum ProbeEventKind
{
    /// <summary>A closure started.</summary>
    Start,

    /// <summary>A closure ended.</summary>
    End,
}
