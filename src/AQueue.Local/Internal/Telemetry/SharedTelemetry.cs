namespace AQueue.Local.Internal.Telemetry;

/// <summary>The telemetry of models of <typeparamref name="T"/> built with <c>new</c>: the process-wide meter, built once per type.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
internal static class SharedTelemetry<T>
{
    public static readonly ModelTelemetry Actor = AQueueInstruments.Shared.Model(ModelKind.Actor, typeof(T), LocalBackend.Name);

    public static readonly ModelTelemetry RwModel = AQueueInstruments.Shared.Model(ModelKind.RwModel, typeof(T), LocalBackend.Name);

    public static readonly ModelTelemetry PCModel = AQueueInstruments.Shared.Model(ModelKind.PCModel, typeof(T), LocalBackend.Name);
}
