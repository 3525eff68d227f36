namespace AQueue.Local.Internal.Locks;

/// <summary>How long a blocking caller spins before it sleeps on the lock: long enough to catch a lock
/// released within a few microseconds, short enough never to burn a core.</summary>
internal static class SpinPolicy
{
    public const int Iterations = 10;
}
