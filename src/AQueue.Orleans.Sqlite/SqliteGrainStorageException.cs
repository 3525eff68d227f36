namespace AQueue.Orleans.Sqlite;

/// <summary>
/// Stored state could not be read back: the row is corrupt, or was written for another type. The row is left as
/// it is, so nothing is silently reset; the message says which row and what to do.
/// </summary>
[GenerateSerializer]
public sealed class SqliteGrainStorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteGrainStorageException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public SqliteGrainStorageException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public SqliteGrainStorageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
