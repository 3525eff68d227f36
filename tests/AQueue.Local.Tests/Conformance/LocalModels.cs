using AQueue.Conformance;

namespace AQueue.Local.Tests.Conformance;

/// <summary>The in-process backend as the conformance suites see it: a <see cref="LocalModelProvider"/> over the
/// suites' registry.</summary>
internal static class LocalModels
{
    public static IModelProvider Create()
    {
        var registry = new ModelRegistry();
        ConformanceModels.Configure(registry);
        return new LocalModelProvider(registry, NoServices.Instance);
    }

    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
