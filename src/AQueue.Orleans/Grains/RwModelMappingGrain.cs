using AQueue.Orleans.Internal;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans;

/// <summary>Answers <see cref="IRwModelMappingGrain{T}"/> from the silo's <see cref="ModelRegistry"/>; holds no state.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
[StatelessWorker]
internal sealed class RwModelMappingGrain<T> : Grain, IRwModelMappingGrain<T>
{
    /// <inheritdoc />
    public Task<RwModelSiloSettings> DescribeAsync() => RwModelCore<T>.DescribeAsync(ServiceProvider);
}
