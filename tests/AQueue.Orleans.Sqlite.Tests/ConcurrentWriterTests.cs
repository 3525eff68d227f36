using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;
using Orleans.Runtime;
using Xunit;

namespace AQueue.Orleans.Sqlite.Tests;

/// <summary>
/// Writers that find the database busy wait without holding a thread. Microsoft.Data.Sqlite answers SQLITE_BUSY by
/// putting the calling thread to sleep for 150 ms, again and again, inside its "async" calls: grains writing at once
/// (in one silo, or in silos sharing the file in one process) then held thread-pool threads asleep, and the whole
/// process ran its timers late (the storm of issue 12 saw timed calls answered 600-1000 ms after their deadline).
/// </summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private const int Writers = 8;
    private const int WritesEach = 25;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Writers_that_find_the_database_busy_wait_without_blocking_their_thread()
    {
        // Two storages on one file, as two silos of one process, and writers on threads of their own, so that a writer
        // holding the database is preempted while others try (as on a busy thread pool).
        SqliteGrainStorage[] storages = [Storage("first"), Storage("second")];
        var blocked = new ConcurrentBag<TimeSpan>();
        Thread[] writers =
        [
            .. Enumerable.Range(0, Writers).Select(w => new Thread(() =>
            {
                SqliteGrainStorage storage = storages[w % storages.Length];
                var state = new GrainState<string>(new string('x', 10_000));
                GrainId grain = GrainId.Create("counter", $"writer-{w}");
                for (int i = 0; i < WritesEach; i++)
                {
                    // Only the time until the call returns its task counts: awaiting it is not holding the thread in the driver.
                    long start = Stopwatch.GetTimestamp();
                    Task write = storage.WriteStateAsync("counter", grain, state);
                    blocked.Add(Stopwatch.GetElapsedTime(start));
                    write.GetAwaiter().GetResult();
                }
            })),
        ];

        foreach (Thread writer in writers)
        {
            writer.Start();
        }

        foreach (Thread writer in writers)
        {
            Assert.True(writer.Join(TimeSpan.FromMinutes(1)));
        }

        // A writer put to sleep by the driver holds its thread 150 ms or more; one stalled by the machine rarely does.
        int asleep = blocked.Count(b => b >= TimeSpan.FromMilliseconds(150));
        Assert.True(asleep <= 1, $"{asleep} of {Writers * WritesEach} writes held their thread 150 ms or more (the longest {blocked.Max().TotalMilliseconds:F0} ms).");
        Assert.Equal(Writers, (long)_database.Scalar("SELECT COUNT(*) FROM grain_state")!);
    }

    private SqliteGrainStorage Storage(string name) =>
        new(name, new SqliteGrainStorageOptions { DatabasePath = _database.Path, GrainStorageSerializer = new JsonStorageSerializer() });
}
