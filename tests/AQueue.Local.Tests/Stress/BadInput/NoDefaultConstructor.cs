namespace AQueue.Local.Tests.Stress.BadInput;

/// <summary>A state type the registry cannot make on its own.</summary>
internal sealed class NoDefaultConstructor(int value)
{
    public int Value { get; } = value;
}
