namespace AQueue.Orleans.Internal;

/// <summary>
/// <see cref="CallChain.Enter"/> for the operations of one model that run off its activation (a PCModel's, on the thread
/// pool), without its cost in the common case: setting the chain allocates an execution context per call, so the
/// context with the model's own one-element chain entered is built once and switched in while the operations arrive
/// in the same outer context (outside any operation, with no other async-local values set), as in-process.
/// </summary>
/// <param name="self">The model's own one-element chain.</param>
internal sealed class CallChainEntry(string[] self)
{
    // One immutable pair, replaced whole: concurrent operations may race to replace it, each with a valid pair.
    private Cached? _cached;

    /// <summary>Marks the current flow, to the end of the enclosing async method, as running inside <paramref name="chain"/>.</summary>
    public void Enter(string[] chain)
    {
        ExecutionContext? outer = ExecutionContext.Capture();
        if (!ReferenceEquals(chain, self) || outer is null)
        {
            // A longer chain (the call came from inside another operation), or flow suppressed: the plain way.
            CallChain.Enter(chain);
            return;
        }

        if (_cached is { } cached && ReferenceEquals(cached.Outer, outer))
        {
            ExecutionContext.Restore(cached.Inner);
            return;
        }

        CallChain.Enter(chain);
        _cached = new Cached(outer, ExecutionContext.Capture()!);
    }

    private sealed record Cached(ExecutionContext Outer, ExecutionContext Inner);
}
