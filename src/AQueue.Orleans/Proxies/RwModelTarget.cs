namespace AQueue.Orleans.Proxies;

/// <summary>The grain a reader-writer proxy calls: the one its <see cref="RwModelMapping"/> names.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class RwModelTarget<T>
{
    private readonly IRwModelGrain<T>? _writePreferring;
    private readonly IRwModelReadOnlyGrain<T>? _readOnly;

    /// <summary>The default mapping's grain.</summary>
    public RwModelTarget(IRwModelGrain<T> grain) => _writePreferring = grain;

    /// <summary>The <see cref="RwModelMapping.ReadOnlyInterleaving"/> grain.</summary>
    public RwModelTarget(IRwModelReadOnlyGrain<T> grain) => _readOnly = grain;

    public Task<TResult> CallAsync<TResult>(IReadOperation<T, TResult> operation, CancellationToken cancellationToken) =>
        _readOnly is not null ? _readOnly.CallAsync(operation, cancellationToken) : _writePreferring!.CallAsync(operation, cancellationToken);

    public Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken) =>
        _readOnly is not null ? _readOnly.CallMutAsync(operation, cancellationToken) : _writePreferring!.CallMutAsync(operation, cancellationToken);
}
