namespace AQueue.Local.Internal.Telemetry;

/// <summary>The in-process backend's name in the <see cref="AQueueDiagnostics.BackendTag"/> tag.</summary>
internal static class LocalBackend
{
    public const string Name = "local";
}
