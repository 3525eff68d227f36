using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// What a persisted actor or reader-writer model stores in Orleans grain storage: its value, in a box.
/// </summary>
/// <remarks>
/// The box gives every state type (including value types, null values and types without a parameterless constructor)
/// one stored shape, and tells "no record yet" (start from the registry's initial value) apart from "a record that
/// holds no value" (bad data, reported, never reset). Its serialized form is the storage provider's: binary through
/// Orleans' serializer (the <c>[Id]</c> below) or JSON (the <see cref="Value"/> property), so keep
/// <typeparamref name="T"/> serializable by both if the provider may change.
/// </remarks>
/// <typeparam name="T">The model's value type.</typeparam>
[GenerateSerializer]
[Alias("aqueue.ModelRecord`1")]
public sealed class ModelRecord<T>
{
    /// <summary>The model's value, as of its last acknowledged write.</summary>
    [Id(0)]
    public T Value { get; set; } = default!;
}
