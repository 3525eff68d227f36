using System.Globalization;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>The seed of a seeded load: <c>AQUEUE_CHAOS_SEED</c> when set (it replays that run's choices), else a fresh one.</summary>
public static class ChaosSeed
{
    public const string Variable = "AQUEUE_CHAOS_SEED";

    public static int Read() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
}
