namespace AQueue.Conformance;

/// <summary>
/// From inside a model's operation, calls the model <see cref="Kind"/>/<see cref="Key"/> (as a write or a read) with
/// <see cref="Then"/>, or with <see cref="Reached{TState}"/> at the end of the chain. The call is made through the
/// provider registered as <see cref="ProviderId"/> on the node the operation runs on; its exception, if any, is the
/// operation's.
/// </summary>
/// <typeparam name="TState">The models' state type.</typeparam>
[GenerateSerializer]
public sealed record CallModel<TState>(
    [property: Id(0)] string ProviderId,
    [property: Id(1)] ModelKind Kind,
    [property: Id(2)] string Key,
    [property: Id(3)] bool Write,
    [property: Id(4)] IReentryStep<TState>? Then = null) : IReentryStep<TState>
{
    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefMutInner<TState> state, CancellationToken cancellationToken) => SendAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefInner<TState> state, CancellationToken cancellationToken) => SendAsync(cancellationToken);

    /// <summary>Sends <paramref name="step"/> to the model <paramref name="kind"/>/<paramref name="key"/> of <paramref name="models"/>.</summary>
    public static ValueTask<string> SendAsync(IModelProvider models, ModelKind kind, string key, bool write, IReentryStep<TState> step, CancellationToken cancellationToken = default) =>
        kind switch
        {
            ModelKind.Actor => models.GetActor<TState>(key).InnerCallAsync<string>(step, cancellationToken),
            ModelKind.RwModel when write => models.GetRwModel<TState>(key).CallMutAsync<string>(step, cancellationToken),
            ModelKind.RwModel => models.GetRwModel<TState>(key).CallAsync<string>(step, cancellationToken),
            ModelKind.PCModel => models.GetPCModel<TState>(key).CallAsync<string>(step, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    private ValueTask<string> SendAsync(CancellationToken cancellationToken) =>
        SendAsync(ModelProviders.Get(ProviderId), Kind, Key, Write, Then ?? new Reached<TState>(), cancellationToken);
}
