namespace AQueue.Orleans.Internal;

/// <summary>
/// The value of one actor or reader-writer model activation, and the seam where persistence plugs in.
/// </summary>
/// <remarks>
/// A grain loads its state once, on activation, and runs every write through <see cref="WriteAsync{TResult}"/> while it
/// holds the write (exclusive) section: the operation runs, then <see cref="SaveAsync"/> stores the value before the
/// caller is answered; if the operation throws, <see cref="WriteFailedAsync"/> decides what becomes of its changes.
/// The in-memory kind (<see cref="MemoryModelState{T}"/>) starts from
/// <see cref="ModelRegistry.CreateInitialValue{T}(string)"/>, saves nothing and keeps a failed write's changes, as
/// in-process. The persistent kind (<see cref="PersistentModelState{T}"/>) reads and writes <c>IPersistentState</c> and
/// reloads after a failed write. Methods run on the activation's scheduler (grain code: no ConfigureAwait(false)).
/// </remarks>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal abstract class ModelState<T>
{
    private InnerStore<T>? _store;
    private ModelStorageException? _broken;

    /// <summary>The box the operations see; set by <see cref="LoadAsync"/>.</summary>
    /// <exception cref="ModelStorageException">The value was lost to a storage failure (see <see cref="Break"/>).</exception>
    public InnerStore<T> Store
    {
        get
        {
            if (_broken is not null)
            {
                throw new ModelStorageException(_broken.Message);
            }

            return _store ?? throw new InvalidOperationException("The model's state is used before it was loaded.");
        }
    }

    /// <summary>Loads or creates the value; called once, from the grain's activation.</summary>
    /// <param name="key">The model's key.</param>
    /// <param name="cancellationToken">Cancels the activation.</param>
    public abstract ValueTask LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Makes the value as changed by the last write durable; called inside the write section.</summary>
    /// <param name="cancellationToken">The write's token.</param>
    public abstract ValueTask SaveAsync(CancellationToken cancellationToken);

    /// <summary>Called inside the write section when a write's operation threw; must not throw.</summary>
    /// <returns>Completes when memory is as it should be after the failure.</returns>
    public virtual ValueTask WriteFailedAsync() => ValueTask.CompletedTask;

    /// <summary>Runs a write's operation and stores its result, or handles its failure; inside the write section.</summary>
    /// <typeparam name="TResult">The operation's result.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="chain">The models the operation runs inside (this one last): a call back into one of them from the
    /// operation is refused.</param>
    /// <param name="deadline">The caller's deadline (UTC ticks; 0 for none): past it, the operation does not start.</param>
    /// <param name="cancellationToken">The caller's token, for the operation.</param>
    /// <returns>The operation's result, once the value is saved.</returns>
    public async ValueTask<TResult> WriteAsync<TResult>(IWriteOperation<T, TResult> operation, string[] chain, long deadline, CancellationToken cancellationToken)
    {
        // Checked last thing before the operation, so that nothing but a stall of this thread lies between.
        if (RemoteDeadline.HasPassed(deadline))
        {
            throw RemoteDeadline.Passed();
        }

        // The operation's flow, to the end of this method, runs inside the model: a call back into it is refused.
        CallChain.EnterOnActivation(chain);
        TResult result;
        try
        {
            result = await operation.ExecuteAsync(Store.AsMut(), cancellationToken);
        }
        catch
        {
            await WriteFailedAsync();
            throw;
        }

        // The value has changed whether or not the caller still waits: save it regardless of the token.
        await SaveAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Runs a read's operation inside <paramref name="chain"/>, so a call back into the model from it is refused.</summary>
    /// <typeparam name="TResult">The operation's result.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="chain">The models the operation runs inside (this one last).</param>
    /// <param name="deadline">The caller's deadline (UTC ticks; 0 for none): past it, the operation does not start.</param>
    /// <param name="cancellationToken">The caller's token, for the operation.</param>
    /// <returns>The operation's result.</returns>
    public async ValueTask<TResult> ReadAsync<TResult>(IReadOperation<T, TResult> operation, string[] chain, long deadline, CancellationToken cancellationToken)
    {
        if (RemoteDeadline.HasPassed(deadline))
        {
            throw RemoteDeadline.Passed();
        }

        CallChain.EnterOnActivation(chain);
        return await operation.ExecuteAsync(Store.AsRef(), cancellationToken);
    }

    /// <summary>
    /// For a grain whose requests Orleans itself queues (the actor, the <c>[ReadOnly]</c> mapping), as a request's turn
    /// comes: refuses a caller that has cancelled, then runs the write with a token that the caller's deadline, if any,
    /// cancels too.
    /// </summary>
    /// <typeparam name="TResult">The operation's result.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="chain">The models the operation runs inside (this one last).</param>
    /// <param name="deadline">The caller's deadline (UTC ticks), or null for an untimed call.</param>
    /// <param name="cancellationToken">The request's token (the caller's, carried by Orleans).</param>
    /// <returns>The operation's result, once the value is saved.</returns>
    public ValueTask<TResult> WriteOnTurnAsync<TResult>(IWriteOperation<T, TResult> operation, string[] chain, long? deadline, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<TResult>(cancellationToken)
        : deadline is null ? WriteAsync(operation, chain, 0, cancellationToken)
        : WithDeadlineAsync(deadline.Value, cancellationToken, (State: this, Operation: operation, Chain: chain), static (s, d, token) => s.State.WriteAsync(s.Operation, s.Chain, d, token));

    /// <summary>As <see cref="WriteOnTurnAsync{TResult}"/>, for a read.</summary>
    /// <typeparam name="TResult">The operation's result.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="chain">The models the operation runs inside (this one last).</param>
    /// <param name="deadline">The caller's deadline (UTC ticks), or null for an untimed call.</param>
    /// <param name="cancellationToken">The request's token (the caller's, carried by Orleans).</param>
    /// <returns>The operation's result.</returns>
    public ValueTask<TResult> ReadOnTurnAsync<TResult>(IReadOperation<T, TResult> operation, string[] chain, long? deadline, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<TResult>(cancellationToken)
        : deadline is null ? ReadAsync(operation, chain, 0, cancellationToken)
        : WithDeadlineAsync(deadline.Value, cancellationToken, (State: this, Operation: operation, Chain: chain), static (s, d, token) => s.State.ReadAsync(s.Operation, s.Chain, d, token));

    // The untimed call (the common one) goes straight to the operation, with no state machine of its own; a timed one
    // runs with a token that its deadline cancels too.
    private static async ValueTask<TResult> WithDeadlineAsync<TState, TResult>(
        long deadline, CancellationToken cancellationToken, TState state, Func<TState, long, CancellationToken, ValueTask<TResult>> run)
    {
        using CancellationTokenSource timed = RemoteDeadline.Start(deadline, cancellationToken);
        return await run(state, deadline, timed.Token);
    }

    /// <summary>Installs the loaded value.</summary>
    /// <param name="value">The value.</param>
    protected void SetValue(T value) => _store = new InnerStore<T>(value);

    /// <summary>
    /// Marks the value lost (memory may disagree with storage and could not be reloaded): every later use of
    /// <see cref="Store"/> in this activation throws. The caller deactivates the activation.
    /// </summary>
    /// <param name="reason">Why, and what to do: its message is what later calls get.</param>
    protected void Break(ModelStorageException reason) => _broken = reason;
}
