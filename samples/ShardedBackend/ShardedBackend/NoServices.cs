namespace ShardedBackend;

/// <summary>An empty service provider, for a cluster created without services.</summary>
internal sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
