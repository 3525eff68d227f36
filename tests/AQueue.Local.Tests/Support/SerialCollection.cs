using Xunit;

namespace AQueue.Local.Tests.Support;

/// <summary>
/// Tests that measure wall-clock time, CPU time or process memory, or hold a pool thread on purpose. xunit runs this collection after every
/// parallel one, alone, so other tests' threads and allocations do not blur the figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (timing and memory)";
}
