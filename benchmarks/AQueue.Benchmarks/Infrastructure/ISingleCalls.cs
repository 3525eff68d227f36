namespace AQueue.Benchmarks.Infrastructure;

/// <summary>
/// A benchmark class whose rows can also be measured one call at a time (<see cref="PairedRunner"/>): after its
/// [GlobalSetup], with one caller, the call each row makes, the baseline's first.
/// </summary>
internal interface ISingleCalls
{
    /// <summary>One call per row, in the rows' order, the baseline first.</summary>
    IReadOnlyList<(string Name, Func<Task> Call)> SingleCalls();
}
