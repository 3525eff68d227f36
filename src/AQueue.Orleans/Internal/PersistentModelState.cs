using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// A value kept in Orleans grain storage through <see cref="IPersistentState{TState}"/>: read on activation, written
/// after every write that returned normally, reloaded after a write that threw or could not be stored.
/// </summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal sealed class PersistentModelState<T> : ModelState<T>
{
    private readonly IPersistentState<ModelRecord<T>> _storage;
    private readonly ModelRegistry _registry;
    private readonly IGrainContext _grainContext;
    private readonly string _description;
    private readonly ILogger _logger;
    private string _key = "";

    public PersistentModelState(
        IPersistentState<ModelRecord<T>> storage, ModelRegistry registry, IGrainContext grainContext, string description, ILogger logger)
    {
        _storage = storage;
        _registry = registry;
        _grainContext = grainContext;
        _description = description;
        _logger = logger;
    }

    public override async ValueTask LoadAsync(string key, CancellationToken cancellationToken)
    {
        _key = key;
        try
        {
            await _storage.ReadStateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.StorageLoadFailed(_logger, exception, _description);

            // The provider's exception is named, not attached: its type may have no Orleans codec.
            throw new ModelStorageException(
                $"Could not load {_description}: the stored record could not be read ({exception.GetType().Name}: " +
                $"{exception.Message}). The model is not started with a reset value; fix or delete the record (or restore " +
                "the state type's previous shape), then call again.");
        }

        Install();
    }

    public override async ValueTask SaveAsync(CancellationToken cancellationToken)
    {
        T value = Store.Value;
        if (_storage.State is null)
        {
            _storage.State = new ModelRecord<T>();
        }

        _storage.State.Value = value;
        try
        {
            await _storage.WriteStateAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Log.StorageWriteFailed(_logger, exception, _description);
            bool reloaded = await TryReloadAsync(exception);
            throw new ModelStorageException(
                $"Could not store {_description} ({exception.GetType().Name}: {exception.Message}). The write is not " +
                "acknowledged and may or may not be in storage; " +
                (reloaded
                    ? "the activation has reloaded the stored value, so re-read before retrying."
                    : "the stored value could not be reloaded either, so the activation is deactivating; retry later."));
        }
    }

    public override async ValueTask WriteFailedAsync()
    {
        // The operation may have changed the value before it threw; storage has not. Go back to what is stored.
        await TryReloadAsync(reason: null);
    }

    /// <summary>Reloads the stored value; on failure, breaks this activation's state and deactivates it.</summary>
    private async ValueTask<bool> TryReloadAsync(Exception? reason)
    {
        try
        {
            await _storage.ReadStateAsync(CancellationToken.None);
            Install();
            return true;
        }
        catch (Exception exception)
        {
            Log.StorageReloadFailed(_logger, exception, _description);
            // Orleans hands the deactivation's exception to calls that reach the activation while it deactivates:
            // make it one that says what happened and that a retry is safe (and that any caller can deserialize).
            string failures = reason is null
                ? $"{exception.GetType().Name}: {exception.Message}"
                : $"{reason.GetType().Name}: {reason.Message}; then {exception.GetType().Name}: {exception.Message}";
            var lost = new ModelStorageException(
                $"The value of {_description} is unavailable in this activation: it could not be reloaded after a storage " +
                $"failure ({failures}). The activation is deactivating; the next call loads the value from storage again. Retry.");
            Break(lost);
            _grainContext.Deactivate(
                new DeactivationReason(DeactivationReasonCode.ApplicationError, lost, $"AQueue could not reload {_description}."),
                CancellationToken.None);
            return false;
        }
    }

    private void Install()
    {
        if (!_storage.RecordExists)
        {
            // No record yet: start from the registry, without writing (reads never write; the first write stores it).
            SetValue(_registry.CreateInitialValue<T>(_key));
            return;
        }

        ModelRecord<T>? record = _storage.State;
        if (record is null)
        {
            throw new ModelStorageException(
                $"Could not load {_description}: the stored record exists but holds no value (bad or foreign data). The " +
                "model is not started with a reset value; fix or delete the record, then call again.");
        }

        SetValue(record.Value);
    }
}
