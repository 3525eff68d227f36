using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// What a caller of a seeded load was told, and when (<see cref="System.Diagnostics.Stopwatch"/> timestamps: TestCluster's
/// silos share the test's process, so a grain that calls a model can report its own moments).
/// </summary>
/// <param name="SentAt">When the call was made.</param>
/// <param name="ToldAt">When the await returned or threw.</param>
/// <param name="Outcome">What the caller was told.</param>
/// <param name="Result">The result, when the call completed.</param>
/// <param name="Error">The exception type's name, when it did not.</param>
/// <param name="ErrorMessage">The start of the exception's message.</param>
/// <param name="CallerCancelled">Whether the caller's own token was cancelled when it was told.</param>
[GenerateSerializer]
public sealed record Told<TResult>(
    [property: Id(0)] long SentAt,
    [property: Id(1)] long ToldAt,
    [property: Id(2)] CallOutcome Outcome,
    [property: Id(3)] TResult? Result,
    [property: Id(4)] string? Error,
    [property: Id(5)] string? ErrorMessage,
    [property: Id(6)] bool CallerCancelled,
    [property: Id(7)] long CancelledAt = 0);
