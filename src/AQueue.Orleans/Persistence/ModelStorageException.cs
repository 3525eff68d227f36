using Orleans;

namespace AQueue.Orleans;

/// <summary>
/// A persisted model's value could not be loaded from, or stored to, its Orleans grain storage. The message names the
/// model, the storage provider, the provider's error (type and message) and what happened to the value.
/// </summary>
/// <remarks>
/// <para>The provider's exception is not attached as the inner exception: its type may have no Orleans codec, and then
/// the whole error could not reach a remote caller. The silo logs it in full (category
/// <c>AQueue.Orleans.Persistence</c>).</para>
/// <para>On activation (load): the record could not be read or does not hold a value (bad data, a state type that
/// changed shape, a missing provider). The model is not started with a reset value; every call fails the same way until
/// the record or the configuration is fixed.</para>
/// <para>After a write (store): the write was not acknowledged, and may or may not be in storage (a storage timeout can
/// follow a commit). The activation has reloaded the value from storage, so memory and storage agree again; a caller
/// may re-read and retry. If even the reload failed, the activation deactivates itself and the next call loads the
/// value afresh.</para>
/// </remarks>
[GenerateSerializer]
[Alias("aqueue.ModelStorageException")]
public sealed class ModelStorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelStorageException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public ModelStorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the storage provider's error.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The storage provider's error.</param>
    public ModelStorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
