using System.Text.Json;
using Orleans.Storage;

namespace AQueue.Orleans.Sqlite.Tests;

/// <summary>A plain serializer for tests that use the storage without a silo.</summary>
internal sealed class JsonStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span)!;
}
