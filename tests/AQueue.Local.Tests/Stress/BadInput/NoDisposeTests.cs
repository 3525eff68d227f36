using Xunit;

namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>
/// The issue asks for "a disposed model" among the bad inputs. No model or queue has Dispose: they hold no
/// unmanaged resource, timer or thread, so there is no disposed state to misuse. If one ever gains Dispose,
/// this fails, as a reminder to add its use-after-dispose tests here.
/// </summary>
public sealed class NoDisposeTests
{
    public static TheoryData<Type> PublicTypes =>
    [
        typeof(Actor<int>), typeof(RwModel<int>), typeof(PCModel<int>), typeof(MutexQueue), typeof(SemaphoreQueue),
        typeof(RwQueue), typeof(LocalModelProvider), typeof(ModelRegistry), typeof(InnerStore<int>),
    ];

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void Models_and_queues_have_no_disposed_state(Type type)
    {
        Assert.False(typeof(IDisposable).IsAssignableFrom(type), $"{type} is IDisposable: add use-after-dispose tests");
        Assert.False(typeof(IAsyncDisposable).IsAssignableFrom(type), $"{type} is IAsyncDisposable: add use-after-dispose tests");
    }
}
