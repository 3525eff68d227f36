using Orleans.Storage;

namespace AQueue.Orleans.Sqlite;

/// <summary>Options of <see cref="SqliteGrainStorage"/>.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>
    /// The database file. Default: <c>aqueue-{ClusterId}.db</c> in the application's base directory, so each
    /// cluster has its own file. Silos of one cluster on one machine share it; SQLite serialises their writes.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. <c>FULL</c> (the default) syncs every commit to disk, so an
    /// acknowledged write survives a process kill and a power loss; <c>NORMAL</c> is faster and still survives a
    /// process kill in WAL mode.
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>How long a write waits for another writer of the same file before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Serialises the state; default: the silo's <see cref="IGrainStorageSerializer"/>.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
