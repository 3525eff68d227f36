using Orleans;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// The value of the storm's persisted actors and write-preferring reader-writer models: the ids of the writes applied,
/// in the order they were applied. Every write appends an id no other call has, so the final list says exactly which
/// writes landed, and where.
/// </summary>
[GenerateSerializer]
public class Ledger
{
    [Id(0)]
    public List<long> Ids { get; set; } = [];

    /// <summary>A digest of the first <paramref name="count"/> ids (FNV-1a over their bytes): a read reports the digest of what it saw, and
    /// the checker compares it with the same prefix of the final list.</summary>
    public static ulong Digest(IReadOnlyList<long> ids, int count)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ulong hash = 14695981039346656037;
        for (int i = 0; i < count; i++)
        {
            ulong id = unchecked((ulong)ids[i]);
            for (int b = 0; b < 8; b++)
            {
                hash = unchecked((hash ^ ((id >> (8 * b)) & 0xFF)) * 1099511628211);
            }
        }

        return hash;
    }
}
