using System.Collections.Immutable;
using Orleans;
using Orleans.Serialization.TypeSystem;

namespace AQueue.Orleans;

/// <summary>A silo's PCModel registrations, as a client without a registry learns them when it starts.</summary>
/// <param name="Types">Each registered value type's mapping and bound, by <see cref="KeyOf"/> of the type.</param>
[GenerateSerializer]
[Alias("aqueue.PCModelCatalog")]
public sealed record PCModelCatalog([property: Id(0)] ImmutableDictionary<string, PCModelSiloSettings> Types)
{
    /// <summary>The key of <paramref name="type"/> in <see cref="Types"/>: Orleans' runtime type name, the same in
    /// every process that loads the type (no assembly version), so that the client needs no type resolution.</summary>
    /// <param name="type">A PCModel's value type.</param>
    /// <returns>The type's key.</returns>
    public static string KeyOf(Type type) => RuntimeTypeNameFormatter.Format(type);
}
