namespace AQueue;

/// <summary>
/// Hands out models by key. The same key and type give the same model on every call. Register one with
/// <c>services.AddAQueueLocal()</c> (in-process) or <c>siloBuilder.AddAQueue()</c> / <c>clientBuilder.AddAQueue()</c>
/// (Orleans): switching backend is a registration change, not a code change.
/// </summary>
public interface IModelProvider
{
    /// <summary>Gets the actor named <paramref name="key"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="key">The model's name.</param>
    /// <returns>The actor; the same one for the same key and type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    IActor<T> GetActor<T>(string key);

    /// <summary>Gets the reader-writer model named <paramref name="key"/>.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="key">The model's name.</param>
    /// <returns>The model; the same one for the same key and type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    IRwModel<T> GetRwModel<T>(string key);

    /// <summary>Gets the bounded-parallelism model named <paramref name="key"/>. Its value comes from the factory
    /// registered for <typeparamref name="T"/>, and is never shipped from the caller.</summary>
    /// <typeparam name="T">The guarded value's type.</typeparam>
    /// <param name="key">The model's name.</param>
    /// <returns>The model; the same one for the same key and type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No PCModel factory is registered for <typeparamref name="T"/>.</exception>
    IPCModel<T> GetPCModel<T>(string key);
}
