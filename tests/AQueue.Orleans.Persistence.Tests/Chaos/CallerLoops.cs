using System.Collections.Concurrent;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The caller loops of a seeded load, in named groups (one per provider the load calls through: the client, each silo),
/// so that a silo's callers can be stopped before the silo is. Each loop gets its own <see cref="Random"/>, drawn from
/// the seed and the loop's number.
/// </summary>
public sealed class CallerLoops(int seed) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Group> _groups = new();
    private int _nextLoop;

    /// <summary>Starts <paramref name="loops"/> runs of <paramref name="loop"/> as the group <paramref name="name"/>; each
    /// gets its random source and the group's stop token.</summary>
    public void Add(string name, int loops, Func<Random, CancellationToken, Task> loop)
    {
        var group = new Group();
        if (!_groups.TryAdd(name, group))
        {
            throw new InvalidOperationException($"Callers named {name} already run.");
        }

        for (int i = 0; i < loops; i++)
        {
            var random = new Random(unchecked((seed * 397) ^ Interlocked.Increment(ref _nextLoop)));
            group.Loops.Add(Task.Run(() => loop(random, group.Stop.Token)));
        }
    }

    /// <summary>Stops the loops of the group <paramref name="name"/> and waits until their calls are answered.</summary>
    public async Task RemoveAsync(string name)
    {
        if (_groups.TryRemove(name, out Group? group))
        {
            await group.Stop.CancelAsync();
            await Task.WhenAll(group.Loops);
            group.Stop.Dispose();
        }
    }

    /// <summary>Stops every loop and waits until its calls are answered.</summary>
    public async Task StopAsync()
    {
        foreach (string name in _groups.Keys.ToArray())
        {
            await RemoveAsync(name);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Group
    {
        public CancellationTokenSource Stop { get; } = new();

        public List<Task> Loops { get; } = [];
    }
}
