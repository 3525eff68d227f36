namespace AQueue.Orleans.Tests;

/// <summary>A value type with no PCModel factory registered.</summary>
[GenerateSerializer]
public sealed class Unregistered
{
}
