namespace AQueue.Benchmarks.Infrastructure;

/// <summary>
/// What an interleaved pass runs beyond <c>--only</c>: one row alone (<c>--row</c>, a part of its description), one
/// parameter value (<c>--param</c>, e.g. the Callers value) and how many rounds (<c>--rounds</c>), so a profiler
/// attached to the process sees a single call path.
/// </summary>
/// <param name="Row">A part of the descriptions of the rows to run; null for every row.</param>
/// <param name="Param">The parameter value to run; null for every value.</param>
/// <param name="Rounds">Measured rounds per row; null for the default.</param>
internal sealed record InterleavedFilter(string? Row, string? Param, int? Rounds)
{
    public static InterleavedFilter From(string[] args) =>
        new(Value(args, "--row"), Value(args, "--param"), Value(args, "--rounds") is { } rounds ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : null);

    private static string? Value(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
