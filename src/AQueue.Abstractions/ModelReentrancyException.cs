namespace AQueue;

/// <summary>
/// Thrown when code running inside a model's call calls the same model again. The inner call would wait for
/// the outer one to finish, and the outer one for the inner: a deadlock, reported at once instead.
/// </summary>
/// <remarks>
/// Calls into a different model from inside a call are fine. A task started from inside a call inherits the
/// call's context and counts as inside it; start it with <see cref="ExecutionContext.SuppressFlow"/> if it must
/// call the same model after the outer call ends.
/// </remarks>
public sealed class ModelReentrancyException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ModelReentrancyException()
        : base("A model was called from inside one of its own calls. The inner call would wait for the outer one forever; " +
               "do the work inside the outer call instead, or call after it returns.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    public ModelReentrancyException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and <paramref name="innerException"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelReentrancyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
