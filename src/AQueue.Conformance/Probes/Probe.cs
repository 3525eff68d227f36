using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AQueue.Conformance;

/// <summary>
/// Records what operations do while they run: start and end events in order, how many run at once (overall and per
/// node), and gates that hold an operation until the test opens them.
/// </summary>
/// <remarks>
/// Operations are serialized and run where the model lives, so they find their probe through a static registry by
/// id. That works on both backends because the in-process models and TestCluster's silos run in the test's process;
/// a probe is not reachable from a silo in another process.
/// </remarks>
public sealed class Probe
{
    private static readonly ConcurrentDictionary<string, Probe> s_probes = new();

    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private readonly Dictionary<string, int> _runningByNode = [];
    private readonly Dictionary<string, int> _maxByNode = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new();
    private int _running;
    private int _maxRunning;
    private int _inSyncSection;
    private int _maxInSyncSection;

    private Probe(string id) => Id = id;

    /// <summary>Says which node (silo) the calling operation runs on; the in-process backend has one node.</summary>
    /// <remarks>The Orleans runner sets this to read the silo from the grain context.</remarks>
    public static Func<string> CurrentNode { get; set; } = static () => "local";

    /// <summary>The id operations carry to find this probe.</summary>
    public string Id { get; }

    /// <summary>The most operations that ran at once.</summary>
    public int MaxRunning
    {
        get { lock (_lock) { return _maxRunning; } }
    }

    /// <summary>The most operations that ran at once on any one node.</summary>
    public int MaxRunningOnOneNode
    {
        get { lock (_lock) { return _maxByNode.Count == 0 ? 0 : _maxByNode.Values.Max(); } }
    }

    /// <summary>The nodes operations ran on.</summary>
    public IReadOnlyCollection<string> Nodes
    {
        get { lock (_lock) { return [.. _maxByNode.Keys]; } }
    }

    /// <summary>The most operations that were inside a synchronous (non-awaiting) section at once.</summary>
    public int MaxInSyncSection => Volatile.Read(ref _maxInSyncSection);

    /// <summary>The events so far, in the order they happened.</summary>
    public IReadOnlyList<string> Events
    {
        get { lock (_lock) { return [.. _events]; } }
    }

    /// <summary>Makes a probe and registers it for operations to find.</summary>
    public static Probe Create()
    {
        var probe = new Probe(Guid.NewGuid().ToString("N"));
        s_probes[probe.Id] = probe;
        return probe;
    }

    /// <summary>Finds the probe an operation names.</summary>
    public static Probe Get(string id) =>
        s_probes.TryGetValue(id, out Probe? probe)
            ? probe
            : throw new InvalidOperationException($"No probe {id} in this process: the model must run in the test's process.");

    /// <summary>Finds the probe an operation names, if it is in this process.</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out Probe? probe) => s_probes.TryGetValue(id, out probe);

    /// <summary>Records "start <paramref name="label"/>" and counts the operation as running until the scope ends.</summary>
    public RunScope Enter(string label)
    {
        string node = CurrentNode();
        lock (_lock)
        {
            _running++;
            _maxRunning = Math.Max(_maxRunning, _running);
            _runningByNode[node] = _runningByNode.GetValueOrDefault(node) + 1;
            _maxByNode[node] = Math.Max(_maxByNode.GetValueOrDefault(node), _runningByNode[node]);
        }

        Record($"start {label}");
        return new RunScope(this, label, node);
    }

    /// <summary>Records <paramref name="evt"/> and wakes whoever waits for it.</summary>
    public void Record(string evt)
    {
        lock (_lock)
        {
            _events.Add(evt);
        }

        Awaited(evt).TrySetResult();
    }

    /// <summary>
    /// Wakes whoever waits for <paramref name="evt"/> (<see cref="WaitForAsync"/>) without adding it to
    /// <see cref="Events"/>: for a backend's test hooks, which must not change the log the suites compare.
    /// </summary>
    public void Notify(string evt) => Awaited(evt).TrySetResult();

    /// <summary>Whether <paramref name="evt"/> has happened.</summary>
    public bool Has(string evt)
    {
        lock (_lock)
        {
            return _events.Contains(evt);
        }
    }

    /// <summary>The position of <paramref name="evt"/> in <see cref="Events"/>, or -1.</summary>
    public int IndexOf(string evt)
    {
        lock (_lock)
        {
            return _events.IndexOf(evt);
        }
    }

    /// <summary>Waits until <paramref name="evt"/> has happened.</summary>
    /// <exception cref="TimeoutException">It did not happen within <paramref name="timeout"/>.</exception>
    public async Task WaitForAsync(string evt, TimeSpan timeout)
    {
        try
        {
            await Awaited(evt).Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"'{evt}' did not happen within {timeout}. Events: {string.Join(", ", Events)}", exception);
        }
    }

    /// <summary>Waits until <paramref name="count"/> operations run at once on one node.</summary>
    public Task WaitForRunningAsync(int count, TimeSpan timeout) =>
        WaitUntilAsync(() => MaxRunningOnOneNode >= count, $"{count} operations never ran at once on one node", timeout);

    /// <summary>Waits until <paramref name="count"/> operations run at once, counting every node.</summary>
    public Task WaitForRunningInTotalAsync(int count, TimeSpan timeout) =>
        WaitUntilAsync(() => MaxRunning >= count, $"{count} operations never ran at once in total", timeout);

    private async Task WaitUntilAsync(Func<bool> condition, string failure, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > end)
            {
                throw new TimeoutException($"{failure} within {timeout}. Events: {string.Join(", ", Events)}");
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>The gate named <paramref name="name"/>; operations wait on it until <see cref="Open"/>.</summary>
    public Task Gate(string name) => _gates.GetOrAdd(name, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Lets every operation waiting at gate <paramref name="name"/> go on.</summary>
    public void Open(string name) => _gates.GetOrAdd(name, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Enters a synchronous section and blocks the thread until <paramref name="others"/> more operations have
    /// been inside one at the same time, or <paramref name="window"/> passes. Measures true parallelism, which awaits
    /// would hide.</summary>
    public void BlockInSyncSection(int others, TimeSpan window)
    {
        int inside = Interlocked.Increment(ref _inSyncSection);
        InterlockedMax(ref _maxInSyncSection, inside);
        var spin = new SpinWait();
        DateTime end = DateTime.UtcNow + window;
        while (Volatile.Read(ref _maxInSyncSection) < others + 1 && DateTime.UtcNow < end)
        {
            spin.SpinOnce(sleep1Threshold: 10);
            InterlockedMax(ref _maxInSyncSection, Volatile.Read(ref _inSyncSection));
        }

        Interlocked.Decrement(ref _inSyncSection);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private TaskCompletionSource Awaited(string evt) =>
        _awaited.GetOrAdd(evt, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Exit(string label, string node)
    {
        lock (_lock)
        {
            _running--;
            _runningByNode[node]--;
        }

        Record($"end {label}");
    }

    /// <summary>One running operation; disposing it records "end label".</summary>
    public readonly struct RunScope : IDisposable
    {
        private readonly Probe _probe;
        private readonly string _label;
        private readonly string _node;

        internal RunScope(Probe probe, string label, string node)
        {
            _probe = probe;
            _label = label;
            _node = node;
        }

        /// <summary>Records "end label" and stops counting the operation as running.</summary>
        public void Dispose() => _probe.Exit(_label, _node);
    }
}
