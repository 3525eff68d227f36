using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IPCModel{T}"/> registered with <see cref="PCModelMapping.PerCluster"/>: one
/// activation per key in the whole cluster, which runs up to n operations at once on the thread pool and queues the
/// rest in arrival order. Use <see cref="IModelProvider.GetPCModel{T}(string)"/> rather than this interface.
/// </summary>
/// <typeparam name="T">The shared value's type.</typeparam>
[Alias("aqueue.IPCModelGrain`1")]
public interface IPCModelGrain<T> : IPCModelGrainBase<T>
{
}
