using Microsoft.Data.Sqlite;
using Xunit;

namespace AQueue.Local.Tests.Seed;

/// <summary>
/// The seed README's database example: an actor around a real SQLite connection hands out ids itself
/// (<c>auto_id += 1</c>, then an insert with that id) while 100 tasks × 1,000 inserts race. The table must end
/// with ids 1..100,000, each once, no gap: the actor serialised every id-and-insert pair.
/// </summary>
public sealed class SqliteDatabaseTests
{
    private const int Tasks = 100;
    private const int InsertsPerTask = 1_000;

    [Fact]
    public async Task Hundred_tasks_by_thousand_inserts_get_ids_one_to_hundred_thousand()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var db = new Actor<Database>(new Database(connection));

        await db.InnerCallAsync(s => s.Value.CreateTableAsync());
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i => Task.Run(async () =>
        {
            for (int j = 0; j < InsertsPerTask; j++)
            {
                string name = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                double gold = j;
                Assert.True(await db.InnerCallAsync((s, ct) => s.Value.InsertUserAsync(name, gold, ct)));
            }
        })));

        // As the seed's select_all_users, through DangerousGetInner: every insert has completed.
        List<User> users = await db.DangerousGetInner().SelectAllUsersAsync();
        Assert.Equal(Tasks * InsertsPerTask, users.Count);
        Assert.Equal(Enumerable.Range(1, Tasks * InsertsPerTask).Select(id => (long)id), users.Select(u => u.Id));
        Assert.All(users.GroupBy(u => u.Name), g => Assert.Equal(InsertsPerTask, g.Count()));
        Assert.All(users.GroupBy(u => u.Name), g => Assert.Equal(Enumerable.Range(0, InsertsPerTask).Select(j => (double)j), g.Select(u => u.Gold)));
        Assert.Equal(Tasks * InsertsPerTask, db.DangerousGetInner().AutoId);
    }

    /// <summary>One row of the seed's <c>user</c> table.</summary>
    public sealed record User(long Id, string Name, double Gold);

    /// <summary>The seed's <c>DataBases</c>: a connection and the next id, guarded by the actor.</summary>
    public sealed class Database(SqliteConnection connection)
    {
        private SqliteCommand? _insert;

        public int AutoId { get; private set; }

        public async ValueTask CreateTableAsync()
        {
            await using (SqliteCommand create = connection.CreateCommand())
            {
                create.CommandText = """CREATE TABLE "user" ("id" integer NOT NULL PRIMARY KEY, "name" text, "gold" real)""";
                await create.ExecuteNonQueryAsync();
            }

            _insert = connection.CreateCommand();
            _insert.CommandText = """INSERT INTO "user" ("id", "name", "gold") VALUES ($id, $name, $gold)""";
            _insert.Parameters.Add("$id", SqliteType.Integer);
            _insert.Parameters.Add("$name", SqliteType.Text);
            _insert.Parameters.Add("$gold", SqliteType.Real);
            _insert.Prepare();
        }

        public async ValueTask<bool> InsertUserAsync(string name, double gold, CancellationToken cancellationToken)
        {
            AutoId += 1;
            _insert!.Parameters["$id"].Value = AutoId;
            _insert.Parameters["$name"].Value = name;
            _insert.Parameters["$gold"].Value = gold;
            return await _insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        public async Task<List<User>> SelectAllUsersAsync()
        {
            var users = new List<User>();
            await using SqliteCommand select = connection.CreateCommand();
            select.CommandText = """SELECT "id", "name", "gold" FROM "user" ORDER BY "id" """;
            await using SqliteDataReader reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                users.Add(new User(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2)));
            }

            return users;
        }
    }
}
