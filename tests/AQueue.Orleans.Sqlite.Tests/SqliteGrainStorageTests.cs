using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit;

namespace AQueue.Orleans.Sqlite.Tests;

/// <summary>The storage on its own: ETags, clear, bad rows, options.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = GrainId.Create("counter", "a");
    private readonly TempDatabase _database = new();
    private readonly SqliteGrainStorage _storage;

    public SqliteGrainStorageTests() =>
        _storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions { DatabasePath = _database.Path, GrainStorageSerializer = new JsonStorageSerializer() });

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Written_state_reads_back_with_its_etag()
    {
        var written = new GrainState<CounterState>(new CounterState { Value = 42 });
        await _storage.WriteStateAsync("counter", Grain, written);

        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync("counter", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.Value);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("wal", _database.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_failed_start_is_tried_again_on_the_next_call()
    {
        // The database's folder cannot be created while a file stands in its place: the first call fails.
        string blocker = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_database.Path)!, "not-yet");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be");
        var storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions
        {
            DatabasePath = System.IO.Path.Combine(blocker, "cluster.db"),
            GrainStorageSerializer = new JsonStorageSerializer(),
        });
        var read = new GrainState<CounterState>(new CounterState());
        await Assert.ThrowsAnyAsync<IOException>(() => storage.ReadStateAsync("counter", Grain, read));

        // The fault clears; the same storage object starts and serves, with nothing cached from the failure.
        File.Delete(blocker);
        await storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 5 }));
        await storage.ReadStateAsync("counter", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(5, read.State!.Value);
    }

    [Fact]
    public async Task Missing_row_reads_as_no_record()
    {
        var read = new GrainState<CounterState>(new CounterState { Value = 7 });
        await _storage.ReadStateAsync("counter", Grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(7, read.State!.Value);
    }

    [Fact]
    public async Task A_stale_etag_cannot_overwrite_newer_state()
    {
        await _storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 1 }));
        var first = new GrainState<CounterState>(new CounterState());
        var second = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync("counter", Grain, first);
        await _storage.ReadStateAsync("counter", Grain, second);

        first.State!.Value = 10;
        await _storage.WriteStateAsync("counter", Grain, first);
        second.State!.Value = 20;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("counter", Grain, second));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync("counter", Grain, read);
        Assert.Equal(10, read.State!.Value);
    }

    [Fact]
    public async Task Two_first_writes_conflict()
    {
        await _storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 2 })));
    }

    [Fact]
    public async Task Clear_removes_the_row_and_checks_the_etag()
    {
        var state = new GrainState<CounterState>(new CounterState { Value = 3 });
        await _storage.WriteStateAsync("counter", Grain, state);
        var stale = new GrainState<CounterState>(new CounterState()) { ETag = "999" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("counter", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.ClearStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState())));

        await _storage.ClearStateAsync("counter", Grain, state);

        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM grain_state"));
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_does_not_match_the_next_row()
    {
        var stale = new GrainState<CounterState>(new CounterState { Value = 1 });
        await _storage.WriteStateAsync("counter", Grain, stale);
        var clearing = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync("counter", Grain, clearing);
        await _storage.ClearStateAsync("counter", Grain, clearing);
        await _storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 2 }));

        stale.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("counter", Grain, stale));
    }

    [Fact]
    public async Task A_corrupt_row_fails_clearly_and_is_left_alone()
    {
        await _storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 5 }));
        object? etagBefore = _database.Scalar("SELECT etag FROM grain_state");
        _database.Scalar("UPDATE grain_state SET payload = x'00FF00FF'");

        var error = await Assert.ThrowsAsync<SqliteGrainStorageException>(() =>
            _storage.ReadStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState())));

        Assert.Contains("cannot be read", error.Message);
        Assert.Contains("DELETE FROM grain_state", error.Message);
        Assert.Contains(Grain.ToString(), error.Message);
        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM grain_state"));
        Assert.Equal(etagBefore, _database.Scalar("SELECT etag FROM grain_state"));
    }

    [Fact]
    public async Task A_row_written_for_another_type_fails_clearly()
    {
        await _storage.WriteStateAsync("counter", Grain, new GrainState<CounterState>(new CounterState { Value = 5 }));

        var error = await Assert.ThrowsAsync<SqliteGrainStorageException>(() =>
            _storage.ReadStateAsync("counter", Grain, new GrainState<string>(string.Empty)));

        Assert.Contains(typeof(CounterState).ToString(), error.Message);
        Assert.Contains("System.String", error.Message);
    }

    [Fact]
    public void Options_without_a_path_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new SqliteGrainStorage("nameless", new SqliteGrainStorageOptions { GrainStorageSerializer = new JsonStorageSerializer() }));

        Assert.Contains("DatabasePath", error.Message);
    }
}
