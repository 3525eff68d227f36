namespace AQueue;

/// <summary>
/// Which grain serves a reader-writer model on Orleans: the write-preferring grain with its own queue, or Orleans' own
/// <c>[ReadOnly]</c> interleaving on a non-reentrant grain. In-process both mean the same: the write-preferring
/// <c>RwQueue</c>.
/// </summary>
/// <remarks>See docs/orleans.md ("What each model is on Orleans") for what each mapping runs on and what it costs.</remarks>
public enum RwModelMapping
{
    /// <summary>
    /// The default. On Orleans, a reentrant grain whose requests wait in an in-process write-preferring queue: reads run
    /// together, a write runs alone, and once a write waits, reads that arrive after it wait behind it, so a stream of
    /// reads cannot hold a write back.
    /// </summary>
    WritePreferring,

    /// <summary>
    /// On Orleans, a non-reentrant grain whose read method is <c>[ReadOnly]</c>: Orleans itself runs a write alone and
    /// lets reads interleave. The price: write preference is lost. Orleans admits a waiting read beside running reads
    /// even when a write arrived before it, so a stream of overlapping reads holds a waiting write back for as long as
    /// the stream lasts.
    /// </summary>
    ReadOnlyInterleaving,
}
