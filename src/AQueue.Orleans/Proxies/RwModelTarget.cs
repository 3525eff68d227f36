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

    /// <summary>The typed read (<see cref="Internal.TypedCall{TTarget, TContract, TResult}"/>'s bridge), once an operation's type has crossed the wire.</summary>
    public static Task<TResult> ReadTyped<TOperation, TResult>(RwModelTarget<T> target, IReadOperation<T, TResult> operation, CancellationToken cancellationToken)
        where TOperation : IReadOperation<T, TResult> =>
        (target._readOnly, cancellationToken.CanBeCanceled) switch
        {
            (not null, true) => target._readOnly.CallAsync<TOperation, TResult>((TOperation)operation, cancellationToken),
            (not null, false) => target._readOnly.CallAsync<TOperation, TResult>((TOperation)operation),
            (null, true) => target._writePreferring!.CallAsync<TOperation, TResult>((TOperation)operation, cancellationToken),
            (null, false) => target._writePreferring!.CallAsync<TOperation, TResult>((TOperation)operation),
        };

    /// <summary>The typed write, as <see cref="ReadTyped{TOperation, TResult}"/>.</summary>
    public static Task<TResult> WriteTyped<TOperation, TResult>(RwModelTarget<T> target, IWriteOperation<T, TResult> operation, CancellationToken cancellationToken)
        where TOperation : IWriteOperation<T, TResult> =>
        (target._readOnly, cancellationToken.CanBeCanceled) switch
        {
            (not null, true) => target._readOnly.CallMutAsync<TOperation, TResult>((TOperation)operation, cancellationToken),
            (not null, false) => target._readOnly.CallMutAsync<TOperation, TResult>((TOperation)operation),
            (null, true) => target._writePreferring!.CallMutAsync<TOperation, TResult>((TOperation)operation, cancellationToken),
            (null, false) => target._writePreferring!.CallMutAsync<TOperation, TResult>((TOperation)operation),
        };
}
