using System.Diagnostics;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Grain storage over another one that counts reads and writes per key, times how long writes hold their caller's
/// thread, and injects <see cref="Fault"/>s.</summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string key = grainId.Key.ToString()!;
        StorageFaults.CountRead(key);
        Fault fault = StorageFaults.Get(key);
        if (fault.HasFlag(Fault.CorruptReads))
        {
            throw new FormatException("Unexpected byte 0x7F at offset 3 while reading the stored record.");
        }

        await inner.ReadStateAsync(stateName, grainId, grainState);
        if (fault.HasFlag(Fault.EmptyRecord))
        {
            grainState.State = default!;
            grainState.RecordExists = true;
            grainState.ETag ??= "empty";
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string key = grainId.Key.ToString()!;
        StorageFaults.CountWrite(key);
        if (StorageFaults.Get(key).HasFlag(Fault.FailWrites))
        {
            throw new IOException("The disk is full (injected).");
        }

        if (StorageFaults.Get(key).HasFlag(Fault.DriverFailure))
        {
            throw new DriverException("The driver lost its connection (injected).");
        }

        // How long the storage holds the caller's thread before it returns its task (a driver that sleeps on a busy
        // database holds it long).
        long start = Stopwatch.GetTimestamp();
        Task written = inner.WriteStateAsync(stateName, grainId, grainState);
        StorageFaults.CountHold(Stopwatch.GetElapsedTime(start));
        return written;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
