using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// The grain behind an Orleans <see cref="IPCModel{T}"/> registered with <see cref="PCModelMapping.PerSilo"/> (the
/// default): a stateless worker with one activation per key on each silo, which runs up to n operations at once on
/// that silo and queues the rest there in arrival order. Use <see cref="IModelProvider.GetPCModel{T}(string)"/> rather
/// than this interface.
/// </summary>
/// <typeparam name="T">The shared value's type.</typeparam>
[Alias("aqueue.IPCModelWorkerGrain`1")]
public interface IPCModelWorkerGrain<T> : IPCModelGrainBase<T>
{
}
