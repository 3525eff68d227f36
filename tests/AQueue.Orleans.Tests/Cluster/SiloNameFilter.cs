using Orleans;
using Orleans.Runtime;

namespace AQueue.Orleans.Tests;

/// <summary>
/// Tells the conformance probes which silo an operation runs on: every incoming grain call sets an async-local to
/// the silo's address, which flows into the grain method and so into the operation it runs.
/// </summary>
public sealed class SiloNameFilter(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    private static readonly AsyncLocal<string?> s_current = new();

    /// <summary>The silo of the grain call the current code runs in, or null outside any grain call.</summary>
    public static string? Current => s_current.Value;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        s_current.Value = silo.SiloAddress.ToString();
        return context.Invoke();
    }
}
