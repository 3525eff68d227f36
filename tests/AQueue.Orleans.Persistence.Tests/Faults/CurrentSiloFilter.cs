using Orleans;
using Orleans.Runtime;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// Lets an operation say which silo it runs on: every incoming grain call sets an async-local to the silo's address,
/// which flows into the grain method and the operation it runs (TestCluster silos share this process).
/// </summary>
public sealed class CurrentSiloFilter(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    private static readonly AsyncLocal<string?> s_current = new();

    public static string? Current => s_current.Value;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        s_current.Value = silo.SiloAddress.ToString();
        return context.Invoke();
    }
}
