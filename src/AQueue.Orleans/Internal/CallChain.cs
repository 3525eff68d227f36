using System.Runtime.CompilerServices;

namespace AQueue.Orleans.Internal;

/// <summary>
/// The models whose operations a flow is running inside, so that a call to one of them from inside is refused at once
/// with <see cref="ModelReentrancyException"/>, as in-process, instead of waiting for itself until Orleans' response
/// timeout. On the silo an operation runs with its model appended to the chain it arrived with; a proxy called from
/// inside checks its target against the chain and sends the chain with the call, so a cycle through other models is
/// refused too.
/// </summary>
/// <remarks>The chain travels in the request context only on calls that AQueue's proxies make from inside an operation: a
/// cycle through a plain grain (an operation calls a grain that calls the model back) is not seen, and waits for the
/// response timeout as any Orleans call cycle does.</remarks>
internal static class CallChain
{
    /// <summary>The request context key of the chain.</summary>
    public const string Key = "aqueue-chain";

    // Set on the silo for the flow of an operation that arrived with a chain, or runs off its activation (a PCModel's):
    // inside an async method or a task, so it ends with them. Setting it costs an execution context (about 70 B).
    private static readonly AsyncLocal<string[]?> s_running = new();

    // The model of each activation whose operations run on the activation's own scheduler: an operation that arrived
    // from outside any operation (the common case) runs inside just its own model, found from the scheduler it runs on,
    // at no cost per call.
    private static readonly ConditionalWeakTable<TaskScheduler, string[]> s_activations = new();

    /// <summary>On the silo, as a request arrives: the chain its operation runs in, <paramref name="self"/> (a cached
    /// one-element chain) when the request came from outside any operation.</summary>
    public static string[] Of(string[] self)
    {
        if (RequestContextEntry.Take(Key) is not string[] inbound)
        {
            return self;
        }

        return [.. inbound, self[0]];
    }

    /// <summary>On the silo, as an activation whose operations run on its scheduler starts: code running on that
    /// scheduler runs inside <paramref name="self"/> (a one-element chain).</summary>
    public static void OnActivation(string[] self) => s_activations.AddOrUpdate(TaskScheduler.Current, self);

    /// <summary>Marks the current flow, from here to the end of the enclosing async method or task, as running inside
    /// <paramref name="chain"/>.</summary>
    public static void Enter(string[] chain) => s_running.Value = chain;

    /// <summary>As <see cref="Enter"/>, for an operation on its activation's scheduler: needed only when the chain is
    /// longer than the activation's own model.</summary>
    public static void EnterOnActivation(string[] chain)
    {
        if (chain.Length > 1)
        {
            s_running.Value = chain;
        }
    }

    /// <summary>The chain the current flow runs inside, or null outside every operation.</summary>
    /// <remarks>An operation's own continuations on its activation are found; a task it starts on the thread pool
    /// (<c>Task.Run</c>) is not, unless the operation arrived from inside another model's operation.</remarks>
    public static string[]? Current
    {
        get
        {
            if (s_running.Value is { } running)
            {
                return running;
            }

            TaskScheduler scheduler = TaskScheduler.Current;
            return !ReferenceEquals(scheduler, TaskScheduler.Default) && s_activations.TryGetValue(scheduler, out string[]? self) ? self : null;
        }
    }

    /// <summary>How a model is named in a chain (and in the exception's message): the same on the proxy and the grain.</summary>
    public static string Name(ModelKind kind, Type stateType, string key) => $"{kind}<{stateType}> '{key}'";

    /// <summary>Throws when <paramref name="chain"/> already holds <paramref name="target"/>.</summary>
    /// <exception cref="ModelReentrancyException">The call would wait for an operation that waits for it.</exception>
    public static void ThrowIfReentrant(string[] chain, string target)
    {
        if (Array.IndexOf(chain, target) >= 0)
        {
            throw new ModelReentrancyException(
                $"{target} was called from inside one of its own operations{(chain.Length > 1 && chain[^1] != target ? $" (through {string.Join(" -> ", chain)})" : "")}. " +
                "The inner call would wait for the outer one forever; do the work inside the outer call instead, or call after it returns.");
        }
    }
}
