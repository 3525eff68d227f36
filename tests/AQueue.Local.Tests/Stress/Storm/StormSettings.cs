using System.Globalization;

namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>
/// How big a storm is. By default (CI) one seeded round per target, a few seconds each. Environment:
/// <list type="bullet">
/// <item><c>AQUEUE_SOAK=1</c> (or <c>true</c>): soak, repeating rounds on the same model for 120 s per target;
/// <c>AQUEUE_SOAK=N</c> with N &gt;= 2: for N seconds per target. Each round has its own seed and is checked in full.</item>
/// <item><c>AQUEUE_STORM_SEED=S</c>: replay a storm from its seed (printed by every run).</item>
/// <item><c>AQUEUE_STORM_CALLS=C</c>: calls per round (default 4000).</item>
/// </list>
/// </summary>
internal sealed record StormSettings(int Seed, int CallsPerRound, TimeSpan SoakDuration)
{
    public const int DefaultSeed = 20_240_606;
    public const int DefaultCalls = 4000;

    public bool IsSoak => SoakDuration > TimeSpan.Zero;

    public static StormSettings FromEnvironment()
    {
        int seed = ReadInt("AQUEUE_STORM_SEED") ?? DefaultSeed;
        int calls = ReadInt("AQUEUE_STORM_CALLS") ?? DefaultCalls;
        string? soak = Environment.GetEnvironmentVariable("AQUEUE_SOAK");
        TimeSpan duration = soak?.Trim().ToUpperInvariant() switch
        {
            null or "" or "0" or "FALSE" => TimeSpan.Zero,
            "1" or "TRUE" => TimeSpan.FromSeconds(120),
            string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds > 1
                => TimeSpan.FromSeconds(seconds),
            _ => throw new InvalidOperationException($"AQUEUE_SOAK='{soak}': use 1 (120 s per target) or a number of seconds."),
        };
        return new StormSettings(seed, calls, duration);
    }

    private static int? ReadInt(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
