using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>One storm call, as its caller makes it: the model, the operation, the id it carries, and how the caller gives up.</summary>
/// <param name="Kind">The model's kind and mapping.</param>
/// <param name="Key">The model's key.</param>
/// <param name="Op">The operation.</param>
/// <param name="Id">The call's id: the id a write appends, and the operation's id in <see cref="StartLog"/>.</param>
/// <param name="WorkMilliseconds">How long the operation works (awaits its token) before it acts.</param>
/// <param name="Move">How the caller gives up, or does not.</param>
/// <param name="MoveMilliseconds">The cancel delay or the timeout.</param>
[GenerateSerializer]
public sealed record StormRequest(
    [property: Id(0)] StormModelKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] StormOp Op,
    [property: Id(3)] long Id,
    [property: Id(4)] int WorkMilliseconds,
    [property: Id(5)] CallerMove Move,
    [property: Id(6)] int MoveMilliseconds);
