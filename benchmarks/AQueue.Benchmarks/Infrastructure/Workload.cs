namespace AQueue.Benchmarks.Infrastructure;

/// <summary>
/// The shape every in-process benchmark shares: <see cref="Calls"/> calls per invocation, split evenly over
/// the tasks. BenchmarkDotNet divides by <see cref="Calls"/> (OperationsPerInvoke), so every row is per call.
/// </summary>
internal static class Workload
{
    /// <summary>Calls per benchmark invocation, as in the seed's Criterion benches.</summary>
    public const int Calls = 100_000;

    /// <summary>
    /// Runs <paramref name="loop"/> on <paramref name="tasks"/> thread-pool tasks at once, each making its
    /// share of <see cref="Calls"/>. One task runs on the caller's thread (the seed's "single task" case), so
    /// that row measures the serial call and nothing else.
    /// </summary>
    public static Task Concurrently(int tasks, Func<int, Task> loop)
    {
        if (tasks == 1)
        {
            return loop(Calls);
        }

        var running = new Task[tasks];
        int share = Calls / tasks;
        for (int i = 0; i < tasks; i++)
        {
            running[i] = Task.Run(() => loop(share));
        }

        return Task.WhenAll(running);
    }

    /// <summary>As <see cref="Concurrently(int, Func{int, Task})"/>, for the synchronous floor rows.</summary>
    public static Task Concurrently(int tasks, Action<int> loop)
    {
        if (tasks == 1)
        {
            loop(Calls);
            return Task.CompletedTask;
        }

        var running = new Task[tasks];
        int share = Calls / tasks;
        for (int i = 0; i < tasks; i++)
        {
            running[i] = Task.Run(() => loop(share));
        }

        return Task.WhenAll(running);
    }

    /// <summary>
    /// Runs <paramref name="readers"/> reading tasks and <paramref name="writers"/> writing tasks at once, each
    /// making an equal share of <see cref="Calls"/>.
    /// </summary>
    public static Task Mixed(int readers, int writers, Func<int, Task> read, Func<int, Task> write)
    {
        var running = new Task[readers + writers];
        int share = Calls / running.Length;
        for (int i = 0; i < running.Length; i++)
        {
            Func<int, Task> loop = i < readers ? read : write;
            running[i] = Task.Run(() => loop(share));
        }

        return Task.WhenAll(running);
    }

    /// <summary>As <see cref="Mixed(int, int, Func{int, Task}, Func{int, Task})"/>, for the synchronous floor rows.</summary>
    public static Task Mixed(int readers, int writers, Action<int> read, Action<int> write)
    {
        var running = new Task[readers + writers];
        int share = Calls / running.Length;
        for (int i = 0; i < running.Length; i++)
        {
            Action<int> loop = i < readers ? read : write;
            running[i] = Task.Run(() => loop(share));
        }

        return Task.WhenAll(running);
    }
}
