using System.Collections.Concurrent;
using System.Reflection;
using AQueue.Orleans.Internal;
using Orleans.Runtime;

namespace AQueue.Orleans.Tests;

/// <summary>
/// How many calls wait their turn at a model's activations, for the conformance suites' "this call is queued". A
/// non-reentrant or <c>[ReadOnly]</c> grain's requests wait in the activation's own queue, which Orleans counts but
/// does not expose publicly (its activation's <c>WaitingCount</c>, read here by reflection: the silos run in this
/// process); a reentrant grain's wait in the grain's queue (<see cref="IQueueingGrain"/>). <see cref="ProbeCallFilter"/>
/// records each activation that a probed call reaches, under its key.
/// </summary>
public static class WaitingCalls
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<IGrainContext, byte>> s_activations = new();

    /// <summary>Notes that a probed call reached <paramref name="context"/>, the activation of the model named by its key.</summary>
    public static void Seen(IGrainContext context) =>
        s_activations.GetOrAdd(context.GrainId.Key.ToString()!, static _ => new())[context] = 0;

    /// <summary>The calls waiting now, over every activation of the model of <paramref name="key"/> a probed call reached.</summary>
    public static int At(string key) =>
        s_activations.TryGetValue(key, out var activations)
            ? activations.Keys.Sum(context => InActivationQueue(context) + (context.GrainInstance is IQueueingGrain grain ? grain.WaitingCount : 0))
            : 0;

    private static int InActivationQueue(IGrainContext context) =>
        context.GetType().GetProperty("WaitingCount", BindingFlags.Public | BindingFlags.Instance)?.GetValue(context) is int count
            ? count
            : throw new InvalidOperationException(
                $"{context.GetType()} has no WaitingCount: this Orleans version no longer counts an activation's waiting requests that way.");
}
