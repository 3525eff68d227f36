using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// Chooses where an actor's or reader-writer model's value lives. The one registered by <c>AddAQueue</c> keeps it
/// in memory; a persistent one can create an <c>IPersistentState</c> from the grain context here.
/// </summary>
internal interface IModelStateFactory
{
    /// <summary>Creates the (not yet loaded) state of one activation.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="kind">The model's kind.</param>
    /// <param name="grainContext">The activation.</param>
    /// <returns>The state; the grain loads it on activation.</returns>
    ModelState<T> Create<T>(ModelKind kind, IGrainContext grainContext);
}
