using AQueue.Local.Internal.Telemetry;

namespace AQueue.Orleans.Internal;

/// <summary>What a call is about, for error messages and the re-entrancy check: the model and the operation's type.</summary>
/// <param name="Kind">The model's kind.</param>
/// <param name="Key">The model's key.</param>
/// <param name="StateType">The model's state type.</param>
/// <param name="OperationType">The operation's runtime type.</param>
/// <param name="OperationInterface">The contract the operation implements, e.g. IWriteOperation&lt;long, long&gt;.</param>
/// <param name="Telemetry">What the model reports on this host (client spans, refusals); null where AddAQueue did not run.</param>
/// <param name="Diagnostics">This host's log; null where AddAQueue did not run.</param>
internal readonly record struct CallSite(
    ModelKind Kind, string Key, Type StateType, Type OperationType, Type OperationInterface, ModelTelemetry? Telemetry = null, OrleansDiagnostics? Diagnostics = null)
{
    /// <summary>The model's name in a call chain; built only when a call is made from inside an operation.</summary>
    public string ModelName => CallChain.Name(Kind, StateType, Key);
}
