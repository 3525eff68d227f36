namespace AQueue.Orleans.Internal;

/// <summary>One <c>Persist&lt;T&gt;(...)</c> line: which models it covers, and their storage.</summary>
/// <param name="StateType">The models' value type.</param>
/// <param name="StorageName">The grain storage provider's name.</param>
/// <param name="KeyPrefix">Only keys starting with this; null for all.</param>
/// <param name="Kind">Only this kind; null for actors and reader-writer models.</param>
internal sealed record PersistenceRule(Type StateType, string StorageName, string? KeyPrefix, ModelKind? Kind)
{
    public bool Matches(Type stateType, ModelKind kind, string key) =>
        kind != ModelKind.PCModel
        && stateType == StateType
        && (Kind is null || Kind == kind)
        && (KeyPrefix is null || key.StartsWith(KeyPrefix, StringComparison.Ordinal));

    /// <summary>The rule as it was written, e.g. <c>Persist&lt;Int64&gt;("aqueue", keyPrefix: "counter/")</c>.</summary>
    public string Describe() =>
        $"Persist<{SerializationErrors.Describe(StateType)}>(\"{StorageName}\"" +
        (KeyPrefix is null ? string.Empty : $", keyPrefix: \"{KeyPrefix}\"") +
        (Kind is null ? string.Empty : $", kind: ModelKind.{Kind}") + ")";
}
