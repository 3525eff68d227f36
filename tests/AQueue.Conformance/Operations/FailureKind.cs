namespace AQueue.Conformance;

/// <summary>Which exception <see cref="Fail{TState}"/> throws.</summary>
[GenerateSerializer]
public enum FailureKind
{
    InvalidOperation,
    Argument,
    Custom,
}
