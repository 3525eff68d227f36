using Microsoft.Extensions.Options;

namespace AQueue.Orleans.Internal;

/// <summary>Refuses, at start-up, registrations of one value type that contradict each other.</summary>
internal sealed class AQueueOptionsValidator : IValidateOptions<AQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, AQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyCollection<string> contradictions = options.Models.Contradictions;
        return contradictions.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(contradictions.Select(static contradiction =>
                $"AQueue: {contradiction}. Register each value type once, and alike on every silo and on every client given a registry."));
    }
}
