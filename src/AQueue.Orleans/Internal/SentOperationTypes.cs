using System.Collections.Concurrent;

namespace AQueue.Orleans.Internal;

/// <summary>
/// The operation types this process has sent and had answered at least once: their serializers work both ways, so
/// their later calls skip the wrapper that turns Orleans' serializer failures into errors that say what to do (an
/// <c>async</c> wrapper costs a state machine box and a continuation on every call, a grain call never completing
/// synchronously).
/// </summary>
internal static class SentOperationTypes
{
    private static readonly ConcurrentDictionary<Type, bool> s_answered = new();

    /// <summary>Whether a call with an operation of <paramref name="operationType"/> was answered before.</summary>
    public static bool WereAnswered(Type operationType) => s_answered.ContainsKey(operationType);

    /// <summary>Notes that a call with an operation of <paramref name="operationType"/> was answered (with a result, or
    /// with the operation's own exception: either way the types crossed the wire).</summary>
    public static void Answered(Type operationType) => s_answered.TryAdd(operationType, true);
}
