using Xunit;

namespace AQueue.Samples.Tests;

/// <summary>
/// Tests that read process-wide measurements: an OpenTelemetry meter provider listens to every meter of its name in the
/// process, so silos of other tests running beside it would add their calls. xunit runs this collection after the
/// parallel ones, alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone (process-wide metrics)";
}
