namespace AQueue.Conformance;

/// <summary>Which exception <see cref="Fail{TState}"/> throws.</summary>
[GenerateSerializer]
public enum FailureKind
{
    /// <summary>An <see cref="InvalidOperationException"/>.</summary>
    InvalidOperation,

    /// <summary>An <see cref="ArgumentException"/>.</summary>
    Argument,

    /// <summary>A <see cref="ConformanceException"/>, a type the backend does not know.</summary>
    Custom,
}
