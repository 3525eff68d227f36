using Xunit.Sdk;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// Makes an async call that must throw at once (argument checks happen before any task exists), so that
/// <c>Assert.Throws</c> can take it as a plain action. A call that returns a task instead fails the test.
/// </summary>
internal static class Probe
{
    public static void Call(Func<ValueTask> call) => Returned(call().AsTask());

    public static void Call<T>(Func<ValueTask<T>> call) => Returned(call().AsTask());

    private static void Returned(Task task) =>
        throw new XunitException($"The call returned a task ({task.Status}) instead of throwing at once.");
}
