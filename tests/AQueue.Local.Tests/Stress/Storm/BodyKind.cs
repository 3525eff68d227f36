namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>What a storm closure does once it holds the lock.</summary>
internal enum BodyKind
{
    /// <summary>Reads and writes the state synchronously.</summary>
    Quick,

    /// <summary>Reads the state, yields, then writes: a broken lock loses an update here.</summary>
    Yield,

    /// <summary>Reads, waits a few milliseconds honouring the token, then writes (nothing applied if cancelled).</summary>
    Delay,

    /// <summary>Writes first, then waits honouring the token: cancelled or timed out after it applied.</summary>
    ApplyThenDelay,

    /// <summary>Reads, waits ignoring the token, then writes: the lock stays held past the caller's deadline.</summary>
    IgnoreToken,

    /// <summary>Waits long (20-40 ms) honouring the token; planned only for calls with a deadline or a cancel.</summary>
    LongHonoursToken,

    /// <summary>Throws synchronously, before returning a task and before applying anything.</summary>
    ThrowBefore,

    /// <summary>Yields, then throws before applying anything (a faulted task).</summary>
    ThrowAsync,

    /// <summary>Applies its write, then throws: the caller sees the fault but the write stays.</summary>
    ThrowAfter,

    /// <summary>Sync closures only: holds the lock for a short sleep (blocks its thread).</summary>
    SleepHold,
}
