namespace AQueue.Local.Tests.Stress.Storm;

/// <summary>The fault a storm closure throws on purpose; the caller must see exactly this one.</summary>
internal sealed class StormException : Exception
{
    public StormException(int id)
        : base($"Storm call {id} threw on purpose.") => Id = id;

    public int Id { get; }
}
