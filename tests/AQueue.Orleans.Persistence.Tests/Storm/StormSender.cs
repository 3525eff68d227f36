namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Makes storm calls through any provider: the external client's, a silo's, or one a grain uses.</summary>
public static class StormSender
{
    /// <summary>The message of the exception the storm's throwing operations throw.</summary>
    public const string ThrownMessage = "The storm's operation throws, by design.";

    /// <summary>How long a ping waits before it counts as unanswered (the adapter's timeout, so that a ping to a dead silo
    /// does not wait for Orleans' response timeout).</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Makes <paramref name="request"/> through <paramref name="models"/> as its caller gives up; never throws.</summary>
    public static Task<Told<StormAnswer>> MakeAsync(IModelProvider models, StormRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallerMoves.MakeAsync(request.Move, request.MoveMilliseconds, (timeout, token) => SendAsync(models, request, timeout, token));
    }

    /// <summary>A read (a PCModel: a hold) with no work and a fresh id, within <see cref="PingTimeout"/>: does the model answer?</summary>
    public static Task<StormAnswer> PingAsync(IModelProvider models, StormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        StormOp op = model.IsLedger ? StormOp.Read : StormOp.Hold;
        var request = new StormRequest(model.Kind, model.Key, op, StartLog.NewCallId(), 0, CallerMove.TimesOut, (int)PingTimeout.TotalMilliseconds);
        return SendAsync(models, request, PingTimeout, CancellationToken.None).AsTask();
    }

    /// <summary>Every id of a ledger model, in order.</summary>
    public static Task<long[]> ReadIdsAsync(IModelProvider models, StormModel model)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(model);
        return model.Kind switch
        {
            StormModelKind.Actor => models.GetActor<Ledger>(model.Key).InnerCallAsync(new ReadLedgerIds<Ledger>(), PingTimeout).AsTask(),
            StormModelKind.RwWritePreferring => models.GetRwModel<Ledger>(model.Key).CallAsync(new ReadLedgerIds<Ledger>(), PingTimeout).AsTask(),
            StormModelKind.RwReadOnlyInterleaving => models.GetRwModel<InterleavedLedger>(model.Key).CallAsync(new ReadLedgerIds<InterleavedLedger>(), PingTimeout).AsTask(),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Only ledgers have ids."),
        };
    }

    private static ValueTask<StormAnswer> SendAsync(IModelProvider models, StormRequest request, TimeSpan? timeout, CancellationToken token) =>
        request.Kind switch
        {
            StormModelKind.Actor => Actor(models.GetActor<Ledger>(request.Key), Write<Ledger>(request), timeout, token),
            StormModelKind.RwWritePreferring => Rw(models.GetRwModel<Ledger>(request.Key), request, timeout, token),
            StormModelKind.RwReadOnlyInterleaving => Rw(models.GetRwModel<InterleavedLedger>(request.Key), request, timeout, token),
            StormModelKind.PCModelPerSilo => Pc(models.GetPCModel<SiloSlots>(request.Key), Hold<SiloSlots>(request, perSilo: true), timeout, token),
            StormModelKind.PCModelPerCluster => Pc(models.GetPCModel<ClusterSlots>(request.Key), Hold<ClusterSlots>(request, perSilo: false), timeout, token),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
        };

    /// <summary>A ledger operation that goes through the write path: an append, or (for an actor) a read.</summary>
    private static IWriteOperation<TLedger, StormAnswer> Write<TLedger>(StormRequest request)
        where TLedger : Ledger =>
        request.Op switch
        {
            StormOp.Append => new AppendId<TLedger>(request.Id, request.WorkMilliseconds, Throws: false),
            StormOp.AppendThenThrow => new AppendId<TLedger>(request.Id, request.WorkMilliseconds, Throws: true),
            StormOp.Read => new ReadLedger<TLedger>(request.Id, request.WorkMilliseconds),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Op, "Not a ledger operation."),
        };

    private static HoldSlot<TSlots> Hold<TSlots>(StormRequest request, bool perSilo) =>
        request.Op switch
        {
            StormOp.Hold => new HoldSlot<TSlots>(request.Id, request.Key, perSilo, request.WorkMilliseconds, Throws: false),
            StormOp.HoldThenThrow => new HoldSlot<TSlots>(request.Id, request.Key, perSilo, request.WorkMilliseconds, Throws: true),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Op, "Not a PCModel operation."),
        };

    private static ValueTask<StormAnswer> Actor(IActor<Ledger> actor, IWriteOperation<Ledger, StormAnswer> operation, TimeSpan? timeout, CancellationToken token) =>
        timeout is { } t ? actor.InnerCallAsync(operation, t, token) : actor.InnerCallAsync(operation, token);

    private static ValueTask<StormAnswer> Rw<TLedger>(IRwModel<TLedger> model, StormRequest request, TimeSpan? timeout, CancellationToken token)
        where TLedger : Ledger
    {
        if (request.Op == StormOp.Read)
        {
            var read = new ReadLedger<TLedger>(request.Id, request.WorkMilliseconds);
            return timeout is { } t ? model.CallAsync(read, t, token) : model.CallAsync(read, token);
        }

        IWriteOperation<TLedger, StormAnswer> write = Write<TLedger>(request);
        return timeout is { } u ? model.CallMutAsync(write, u, token) : model.CallMutAsync(write, token);
    }

    private static ValueTask<StormAnswer> Pc<TSlots>(IPCModel<TSlots> model, HoldSlot<TSlots> operation, TimeSpan? timeout, CancellationToken token) =>
        timeout is { } t ? model.CallAsync(operation, t, token) : model.CallAsync(operation, token);
}
