using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace AQueue.Orleans.Sqlite;

/// <summary>
/// Orleans grain storage in one SQLite file: a row per grain and state name, written in WAL mode, with an
/// ETag (a version number) checked on every write and clear, so a stale activation cannot overwrite newer state.
/// </summary>
/// <remarks>
/// <para>Register it with <c>siloBuilder.AddSqliteGrainStorage(name, ...)</c> or <c>AddSqliteGrainStorageAsDefault(...)</c>.
/// A row that cannot be read back as the requested type raises <see cref="SqliteGrainStorageException"/> on
/// activation; the row is never overwritten with a fresh state.</para>
/// <para>SQLite lets one connection write at a time. Writes (and clears) of one database file in one process take turns
/// through an async gate: a writer that finds the file busy waits without holding a thread. (Microsoft.Data.Sqlite
/// answers a busy database by putting the calling thread to sleep for 150 ms and trying again, inside its async calls;
/// grains writing at once held thread-pool threads asleep, and the whole process ran its timers late.) Another process
/// writing the same file can still make a write sleep so.</para>
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_id    TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            state_type  TEXT    NOT NULL,
            etag        INTEGER NOT NULL,
            payload     BLOB    NOT NULL,
            updated_utc TEXT    NOT NULL,
            PRIMARY KEY (grain_id, state_name)
        ) WITHOUT ROWID;
        """;

    /// <summary>One writer at a time per database file (by full path) in this process, whichever storage object writes.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_writeTurns = new(StringComparer.Ordinal);

    private readonly string _name;
    private readonly SqliteGrainStorageOptions _options;
    private readonly SemaphoreSlim _writeTurn;
    private readonly string _connectionString;
    private readonly Lock _initializing = new();
    private Task? _initialized;

    /// <summary>Creates the storage; the file and table are created on first use.</summary>
    /// <param name="name">The provider's name, for messages.</param>
    /// <param name="options">The options; <see cref="SqliteGrainStorageOptions.DatabasePath"/> and the serializer must be set.</param>
    /// <exception cref="ArgumentException">The options lack a path or a serializer.</exception>
    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new ArgumentException($"SQLite grain storage '{name}' needs a DatabasePath.", nameof(options));
        }

        if (options.GrainStorageSerializer is null)
        {
            throw new ArgumentException($"SQLite grain storage '{name}' needs a GrainStorageSerializer.", nameof(options));
        }

        _name = name;
        _options = options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _writeTurn = s_writeTurns.GetOrAdd(DatabasePath, static _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(_options.DatabasePath!);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using SqliteConnection connection = await OpenAsync().ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT state_type, etag, payload FROM grain_state WHERE grain_id = $id AND state_name = $name";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        string storedType = reader.GetString(0);
        long etag = reader.GetInt64(1);
        byte[] payload = (byte[])reader.GetValue(2);
        string expectedType = TypeName<T>();
        if (!string.Equals(storedType, expectedType, StringComparison.Ordinal))
        {
            throw Unreadable(stateName, grainId, $"it was written as {storedType}, and is now read as {expectedType}");
        }

        try
        {
            grainState.State = _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload));
        }
        catch (Exception exception)
        {
            // The serializer's own exception is named, not attached: its type may have no Orleans codec, and the
            // error must reach the caller intact.
            throw Unreadable(stateName, grainId, $"its {payload.Length} bytes do not deserialize as {expectedType} ({exception.GetType().Name}: {exception.Message})");
        }

        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        byte[] payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        await InTurnAsync(() => WriteAsync(stateName, grainId, grainState, payload)).ConfigureAwait(false);
    }

    private async Task WriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[] payload)
    {
        await using SqliteConnection connection = await OpenAsync().ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$type", TypeName<T>());
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        // A fresh random version per write, not a counter: after a clear and a new insert, an ETag held by a stale
        // activation from before the clear can never match the new row.
        long newEtag = Random.Shared.NextInt64(1, long.MaxValue);
        command.Parameters.AddWithValue("$newEtag", newEtag);
        if (grainState.ETag is null)
        {
            // First write of this activation's view: the row must not exist yet.
            command.CommandText = """
                INSERT INTO grain_state (grain_id, state_name, state_type, etag, payload, updated_utc)
                VALUES ($id, $name, $type, $newEtag, $payload, $now)
                ON CONFLICT (grain_id, state_name) DO NOTHING
                """;
        }
        else
        {
            long expected = ParseEtag(grainState.ETag, stateName, grainId);
            command.CommandText = """
                UPDATE grain_state SET state_type = $type, etag = $newEtag, payload = $payload, updated_utc = $now
                WHERE grain_id = $id AND state_name = $name AND etag = $etag
                """;
            command.Parameters.AddWithValue("$etag", expected);
        }

        if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
        {
            throw await ConflictAsync(connection, stateName, grainId, grainState.ETag).ConfigureAwait(false);
        }

        grainState.ETag = newEtag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        InTurnAsync(() => ClearAsync(stateName, grainId, grainState));

    /// <summary>Runs a write of this database once no other writer of this process is writing it.</summary>
    private async Task InTurnAsync(Func<Task> write)
    {
        await _writeTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    private async Task ClearAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using SqliteConnection connection = await OpenAsync().ConfigureAwait(false);
        if (grainState.ETag is not null)
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "DELETE FROM grain_state WHERE grain_id = $id AND state_name = $name AND etag = $etag";
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$name", stateName);
            command.Parameters.AddWithValue("$etag", ParseEtag(grainState.ETag, stateName, grainId));
            if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
            {
                throw await ConflictAsync(connection, stateName, grainId, grainState.ETag).ConfigureAwait(false);
            }
        }
        else if (await ReadEtagAsync(connection, stateName, grainId).ConfigureAwait(false) is { } stored)
        {
            // This activation never saw the row that exists now: clearing it would lose someone else's write.
            throw new InconsistentStateException(
                $"Clearing state '{stateName}' of {grainId} in SQLite storage '{_name}': a newer version exists.",
                stored.ToString(CultureInfo.InvariantCulture), (string?)null);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        await EnsureInitializedAsync().ConfigureAwait(false);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Creates the folder, file and table once. A start that failed (a folder not there or not writable yet, a file
    /// locked by another process) is not kept: the calls waiting on it fail with its error, and the next call tries
    /// again, so a transient fault at start-up does not break the storage until the process restarts.
    /// </summary>
    private Task EnsureInitializedAsync()
    {
        Task? initialized = Volatile.Read(ref _initialized);
        if (initialized is { IsCompletedSuccessfully: true })
        {
            return initialized;
        }

        lock (_initializing)
        {
            if (_initialized is null || _initialized.IsFaulted || _initialized.IsCanceled)
            {
                _initialized = InitializeAsync();
            }

            return _initialized;
        }
    }

    private async Task InitializeAsync()
    {
        string? directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        // WAL lets readers run beside the writer and survives a process kill; the mode is stored in the file.
        command.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {SynchronousSetting()}; {Schema}";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private string SynchronousSetting() => _options.Synchronous.ToUpperInvariant() switch
    {
        "OFF" or "NORMAL" or "FULL" or "EXTRA" => _options.Synchronous.ToUpperInvariant(),
        _ => throw new ArgumentException($"SQLite grain storage '{_name}': Synchronous must be OFF, NORMAL, FULL or EXTRA, not '{_options.Synchronous}'."),
    };

    private static async Task<long?> ReadEtagAsync(SqliteConnection connection, string stateName, GrainId grainId)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT etag FROM grain_state WHERE grain_id = $id AND state_name = $name";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        return await command.ExecuteScalarAsync().ConfigureAwait(false) is long etag ? etag : null;
    }

    private async Task<InconsistentStateException> ConflictAsync(SqliteConnection connection, string stateName, GrainId grainId, string? currentEtag)
    {
        long? stored = await ReadEtagAsync(connection, stateName, grainId).ConfigureAwait(false);
        return new InconsistentStateException(
            $"Writing state '{stateName}' of {grainId} to SQLite storage '{_name}': the stored version ({stored?.ToString(CultureInfo.InvariantCulture) ?? "none"}) " +
            $"is not the one this activation read ({currentEtag ?? "none"}). Another activation wrote it; this one is stale.",
            stored?.ToString(CultureInfo.InvariantCulture), currentEtag);
    }

    private long ParseEtag(string etag, string stateName, GrainId grainId) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new InconsistentStateException($"State '{stateName}' of {grainId}: '{etag}' is not an ETag of SQLite storage '{_name}'.");

    private SqliteGrainStorageException Unreadable(string stateName, GrainId grainId, string why) =>
        new($"The stored state '{stateName}' of {grainId} in SQLite storage '{_name}' ({DatabasePath}) cannot be read: {why}. " +
            "It was not replaced with a fresh state. Restore the type it was written with, migrate the row, or delete it " +
            $"(DELETE FROM grain_state WHERE grain_id = '{grainId}' AND state_name = '{stateName}') to start that grain afresh.");

    // Without assembly versions, so a runtime upgrade does not make every row "another type".
    private static string TypeName<T>() => typeof(T).ToString();
}
