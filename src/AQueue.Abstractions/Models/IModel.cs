namespace AQueue;

/// <summary>
/// A value guarded by a queue that decides how calls over it may run. The kind-specific interfaces
/// (<see cref="IActor{T}"/>, <see cref="IRwModel{T}"/>, <see cref="IPCModel{T}"/>) carry the calls; code written
/// against them runs unchanged on the in-process and the Orleans backend.
/// </summary>
/// <typeparam name="T">The type of the guarded value.</typeparam>
public interface IModel<T>
{
    /// <summary>Which rule this model applies to its calls.</summary>
    ModelKind Kind { get; }
}
