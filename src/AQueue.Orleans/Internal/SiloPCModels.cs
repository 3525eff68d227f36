using System.Diagnostics.CodeAnalysis;

namespace AQueue.Orleans.Internal;

/// <summary>
/// What a client without a registry learnt of the silos' PCModel registrations when it started (nothing, if the silo
/// could not say): read by <see cref="OrleansModelProvider"/> without a call.
/// </summary>
internal sealed class SiloPCModels
{
    private volatile PCModelCatalog? _catalog;

    /// <summary>Keeps the registrations a silo reported.</summary>
    public void Learn(PCModelCatalog catalog) => _catalog = catalog;

    /// <summary>The mapping and bound the silo reported for <paramref name="type"/>, if it did.</summary>
    public bool TryGet(Type type, [NotNullWhen(true)] out PCModelSiloSettings? settings)
    {
        settings = null;
        return _catalog is { } catalog && catalog.Types.TryGetValue(PCModelCatalog.KeyOf(type), out settings);
    }
}
