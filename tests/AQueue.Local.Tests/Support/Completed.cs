using Xunit;

namespace AQueue.Local.Tests.Support;

/// <summary>Asserts that a call completed synchronously (no thread hop, no allocation of a continuation).</summary>
public static class Completed
{
    /// <summary>The result of <paramref name="task"/>, which must already have completed successfully.</summary>
    public static T Result<T>(ValueTask<T> task)
    {
        Assert.True(task.IsCompletedSuccessfully, $"Expected a synchronous completion; the call is {(task.IsCompleted ? "faulted or cancelled" : "pending")}.");
        return task.Result;
    }

    /// <summary>Asserts that <paramref name="task"/> already completed successfully, and observes it.</summary>
    public static void Check(ValueTask task)
    {
        Assert.True(task.IsCompletedSuccessfully, $"Expected a synchronous completion; the call is {(task.IsCompleted ? "faulted or cancelled" : "pending")}.");
        task.GetAwaiter().GetResult();
    }
}
