namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>An empty service provider, for the provider's constructor.</summary>
internal sealed class NoServices : IServiceProvider
{
    public object? GetService(Type serviceType) => null;
}
