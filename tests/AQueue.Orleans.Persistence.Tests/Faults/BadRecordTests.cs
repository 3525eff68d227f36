using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A corrupted SQLite row gives a clear error through the model proxy, never a silently reset value.</summary>
[Collection(FaultCollection.Name)]
public sealed class BadRecordTests(FaultClusterFixture fixture)
{
    [Fact]
    public async Task A_corrupted_row_fails_activation_clearly_and_the_value_is_intact_once_the_row_is_repaired()
    {
        string key = $"f/corrupt/{Guid.NewGuid():N}";
        IActor<long> actor = fixture.Models.GetActor<long>(key);
        Assert.Equal(5, await actor.InnerCallAsync(new Add(5)));
        await fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        byte[] original = await ExecuteAsync<byte[]>(key, "SELECT payload FROM grain_state WHERE grain_id LIKE $pattern AND state_name = 'aqueue'");
        Assert.Equal(1, await ExecuteNonQueryAsync(key, "UPDATE grain_state SET payload = X'DEADBEEF00' WHERE grain_id LIKE $pattern AND state_name = 'aqueue'"));

        var first = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Get()).AsTask());
        var second = await Assert.ThrowsAsync<ModelStorageException>(() => actor.InnerCallAsync(new Add(1)).AsTask());

        Assert.Contains($"Could not load actor '{key}' of Int64 from grain storage 'store'", first.Message, StringComparison.Ordinal);
        Assert.Contains("do not deserialize", first.Message, StringComparison.Ordinal);
        Assert.Contains("not started with a reset value", first.Message, StringComparison.Ordinal);
        Assert.Contains("Could not load", second.Message, StringComparison.Ordinal);

        // Nothing overwrote the row meanwhile: repaired, it gives the value back.
        var repair = new SqliteParameter("$payload", original);
        Assert.Equal(1, await ExecuteNonQueryAsync(key, "UPDATE grain_state SET payload = $payload WHERE grain_id LIKE $pattern AND state_name = 'aqueue'", repair));
        Assert.Equal(5, await actor.InnerCallAsync(new Get()));
    }

    [Fact]
    public async Task A_row_written_as_another_type_fails_activation_of_a_reader_writer_model_clearly()
    {
        string key = $"f/retyped/{Guid.NewGuid():N}";
        IRwModel<long> model = fixture.Models.GetRwModel<long>(key);
        Assert.Equal(3, await model.CallMutAsync(new Add(3)));
        await fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(1, await ExecuteNonQueryAsync(key, "UPDATE grain_state SET state_type = 'Shop.Cart, Shop' WHERE grain_id LIKE $pattern AND state_name = 'aqueue'"));

        var failure = await Assert.ThrowsAsync<ModelStorageException>(() => model.CallAsync(new Get()).AsTask());

        Assert.Contains($"Could not load reader-writer model '{key}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Shop.Cart", failure.Message, StringComparison.Ordinal);
    }

    private async Task<int> ExecuteNonQueryAsync(string key, string sql, params SqliteParameter[] parameters)
    {
        await using SqliteConnection connection = await OpenAsync();
        await using SqliteCommand command = Command(connection, key, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ExecuteAsync<T>(string key, string sql)
    {
        await using SqliteConnection connection = await OpenAsync();
        await using SqliteCommand command = Command(connection, key, sql, []);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string key, string sql, SqliteParameter[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$pattern", "%" + key);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
