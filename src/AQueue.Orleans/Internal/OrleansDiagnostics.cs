using System.Diagnostics;
using System.Diagnostics.Metrics;
using AQueue.Local.Internal.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// What the Orleans backend reports on one silo or client: its models' instruments on the host's
/// <see cref="IMeterFactory"/> meter (the same names as in-process, tagged <c>aqueue.backend=orleans</c> and the
/// mapping), and its log. One per host, registered by <c>AddAQueue</c>.
/// </summary>
internal sealed class OrleansDiagnostics
{
    /// <summary>The backend's name in the <see cref="AQueueDiagnostics.BackendTag"/> tag.</summary>
    public const string Backend = "orleans";

    /// <summary>The request context key of the W3C trace parent: the one Orleans' own activity propagation uses, so the
    /// two agree when both are on.</summary>
    public const string TraceParentKey = "traceparent";

    private readonly AQueueInstruments _instruments;

    public OrleansDiagnostics(IServiceProvider services)
    {
        _instruments = AQueueInstruments.For(services.GetService<IMeterFactory>());
        Logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("AQueue.Orleans");
    }

    public ILogger Logger { get; }

    /// <summary>The telemetry of the models of one kind, value type and mapping on this host.</summary>
    public ModelTelemetry Model(ModelKind kind, Type valueType, string? mapping) =>
        _instruments.Model(kind, valueType, Backend, mapping, RemoteParent);

    /// <summary>The mapping tag of an actor (one mapping: a non-reentrant grain).</summary>
    public const string ActorMapping = "actor_grain";

    public static string MappingName(RwModelMapping mapping) =>
        mapping == RwModelMapping.ReadOnlyInterleaving ? "read_only_interleaving" : "write_preferring";

    public static string MappingName(PCModelMapping mapping) =>
        mapping == PCModelMapping.PerCluster ? "per_cluster" : "per_silo";

    /// <summary>On the silo: the span of the caller's AQueue call (or of Orleans' own client span, when its propagation
    /// is on), as the request brought it; default when it brought none.</summary>
    private static ActivityContext RemoteParent() =>
        RequestContext.Get(TraceParentKey) is string traceParent
        && ActivityContext.TryParse(traceParent, RequestContext.Get("tracestate") as string, isRemote: true, out ActivityContext parent)
            ? parent
            : default;
}
