namespace AQueue.Conformance;

/// <summary>A user-defined exception type, to show that a failure keeps its type across the backend.</summary>
[GenerateSerializer]
public sealed class ConformanceException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ConformanceException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConformanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public ConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
