using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AQueue.Conformance;

/// <summary>
/// The providers operations may call models through from inside, by id (an operation crosses the wire, a provider does
/// not). The Orleans runners' silos run in the test process, so an id registered by a test is found on every node.
/// </summary>
public static class ModelProviders
{
    private static readonly ConcurrentDictionary<string, IModelProvider> s_providers = new();
    private static readonly ConditionalWeakTable<IModelProvider, string> s_ids = new();

    /// <summary>Registers <paramref name="models"/> (once per instance) and returns its id.</summary>
    public static string Register(IModelProvider models)
    {
        ArgumentNullException.ThrowIfNull(models);
        string id = s_ids.GetValue(models, static _ => Guid.NewGuid().ToString("N"));
        s_providers.TryAdd(id, models);
        return id;
    }

    /// <summary>The provider registered as <paramref name="id"/>.</summary>
    public static IModelProvider Get(string id) =>
        s_providers.TryGetValue(id, out IModelProvider? models) ? models : throw new InvalidOperationException($"No provider is registered as {id}.");
}
