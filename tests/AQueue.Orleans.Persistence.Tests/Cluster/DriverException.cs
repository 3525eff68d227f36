namespace AQueue.Orleans.Persistence.Tests;

/// <summary>A storage driver's own exception type, without an Orleans codec (as a third-party provider's may be).</summary>
public sealed class DriverException(string message) : Exception(message);
