using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// Grain storage kept in the test process, outside every silo, so it survives a silo's death (TestCluster runs the
/// silos in this process). Records are stored serialized, with ETag checks like a real store: a write from a stale
/// activation is refused with <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SharedGrainStorage(Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> s_records = new();
    private static long s_version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (s_records.TryGetValue(Id(stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = default!;
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string id = Id(stateName, grainId);
        byte[] data = serializer.SerializeToArray(grainState.State);
        string etag = Interlocked.Increment(ref s_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (s_records)
        {
            string? stored = s_records.TryGetValue(id, out var record) ? record.ETag : null;
            if (stored != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {id}.", stored ?? "(none)", grainState.ETag ?? "(none)");
            }

            s_records[id] = (data, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        s_records.TryRemove(Id(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Id(string stateName, GrainId grainId) => $"{grainId}/{stateName}";
}
