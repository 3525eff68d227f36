namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Lock-free helpers for the counters that the silos' operations and the test share.</summary>
public static class Atomic
{
    /// <summary>Raises <paramref name="target"/> to <paramref name="value"/> when it is lower.</summary>
    /// <returns>Whether it raised it.</returns>
    public static bool RaiseTo(ref long target, long value)
    {
        long current = Interlocked.Read(ref target);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }
}
