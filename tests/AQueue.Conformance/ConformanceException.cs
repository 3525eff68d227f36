namespace AQueue.Conformance;

/// <summary>A user-defined exception type, to show that a failure keeps its type across the backend.</summary>
[GenerateSerializer]
public sealed class ConformanceException : Exception
{
    public ConformanceException()
    {
    }

    public ConformanceException(string message)
        : base(message)
    {
    }

    public ConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
