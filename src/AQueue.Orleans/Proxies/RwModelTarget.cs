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
        (_readOnly, cancellationToken.CanBeCanceled) switch
        {
            (not null, true) => _readOnly.CallAsync(operation, cancellationToken),
            (not null, false) => _readOnly.CallAsync(operation),
            (null, true) => _writePreferring!.CallAsync(operation, cancellationToken),
            (null, false) => _writePreferring!.CallAsync(operation),
        };

    public Task<TResult> CallMutAsync<TResult>(IWriteOperation<T, TResult> operation, CancellationToken cancellationToken) =>
        (_readOnly, cancellationToken.CanBeCanceled) switch
        {
            (not null, true) => _readOnly.CallMutAsync(operation, cancellationToken),
            (not null, false) => _readOnly.CallMutAsync(operation),
            (null, true) => _writePreferring!.CallMutAsync(operation, cancellationToken),
            (null, false) => _writePreferring!.CallMutAsync(operation),
        };
}
