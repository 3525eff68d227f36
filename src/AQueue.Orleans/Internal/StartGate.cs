namespace AQueue.Orleans.Internal;

/// <summary>
/// Refuses model calls until the silo or client that the <see cref="OrleansModelProvider"/> runs on has started, so
/// that an early call fails at once with what to do instead of with an error from inside Orleans, and leaves nothing
/// behind (on an external client, Orleans keeps an early failed grain-type lookup for the life of the process).
/// Opened by <see cref="SiloStartParticipant"/> or <see cref="ClientStartParticipant"/>; never closed again, so that
/// grain code and services keep reaching models while the host shuts down.
/// </summary>
internal sealed class StartGate
{
    private readonly bool _onSilo;
    private volatile bool _started;

    private StartGate(bool onSilo) => _onSilo = onSilo;

    /// <summary>The gate of a silo's provider.</summary>
    public static StartGate ForSilo() => new(onSilo: true);

    /// <summary>The gate of an external client's provider.</summary>
    public static StartGate ForClient() => new(onSilo: false);

    /// <summary>True once the silo's runtime or the client's connection has started.</summary>
    public bool IsStarted => _started;

    /// <summary>Lets calls through from now on.</summary>
    public void Open() => _started = true;

    /// <summary>Throws unless <see cref="Open"/> was called.</summary>
    /// <exception cref="InvalidOperationException">The silo or client has not started yet.</exception>
    public void ThrowIfNotStarted()
    {
        if (_started)
        {
            return;
        }

        throw new InvalidOperationException(_onSilo
            ? "AQueue models cannot be reached before this silo has started: IModelProvider was used before the host's " +
              "StartAsync had started the silo's runtime. Call models once the host has started: after " +
              "await host.StartAsync(), from grain code, or from a start-up task (siloBuilder.AddStartupTask(...), or a " +
              "silo lifecycle participant at ServiceLifecycleStage.ApplicationServices or later). Nothing was sent or " +
              "kept; the same call works once the silo has started."
            : "AQueue models cannot be reached before this cluster client has started: IModelProvider was used before the " +
              "host's StartAsync had connected the client to a gateway. Call models once the host has started (after " +
              "await host.StartAsync()). Nothing was sent or kept; the same call works once the client has started.");
    }
}
